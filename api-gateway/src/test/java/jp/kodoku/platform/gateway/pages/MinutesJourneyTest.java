package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebSignIn;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A meeting's record in a real Chromium, signed in on the real Keycloak login page: the chair puts an item with a file
 * on the agenda, drafts the minutes twice, compares the two revisions, restores the first, finalizes after the
 * confirmation and publishes them to the members; a member admin reads them, a visitor is sent to sign in. Then the
 * chair's term ends while the chair's session is open: the chair's page and a form already on screen answer 403 at
 * once. axe-core checks every page (WCAG 2.1 A/AA); screenshots under target/screenshots/minutes/.
 */
class MinutesJourneyTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PASSWORD = "test-password-1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String FIRST = "第5回 分科会 議事録\n1. 開会\n2. 相談支援の報告\n3. 閉会";
    private static final String SECOND = "第5回 分科会 議事録\n1. 開会\n2. 連携事例の報告（ライフリンク）\n3. 閉会";

    private String base;

    @BeforeEach
    void signInMayReturnHere() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void the_chair_drafts_compares_restores_finalizes_and_publishes_the_minutes_a_member_reads_them_the_public_does_not()
            throws Exception {
        Members members = new Members(api);
        String tag = Samples.uniqueKana();
        String lead = members.activeMember(Samples.application("ライフリンク議事録" + tag, "ライフリンクギジロク" + tag));
        String member = members.activeMember(Samples.application("あなたのいばしょ議事録" + tag, "アナタノイバショギジロク" + tag));
        Subcommittees subcommittees = new Subcommittees(api);
        String subcommittee = subcommittees.create(lead);
        assertThat(subcommittees.post(subcommittee, "/members", TestTokens.secretariat(), Map.of("organizationId", member))
                                .status()).isEqualTo(200);
        Subcommittees.Chair chair = subcommittees.appointChair(subcommittee, lead);
        String meetingPage = base + "/subcommittees/" + subcommittee + "/meetings/" + aMeeting(subcommittee);
        String minutesPage = meetingPage + "/minutes";
        TestTokens.memberAdmin(member);
        String memberAdmin = "admin-" + member;
        Path handout = Files.createTempFile("handout", ".pdf");
        Files.write(handout, "%PDF-1.7\n第5回 報告資料\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

        try (Browser browser = new Browser("minutes")) {
            browser.open(base + "/");
            WebSignIn.signIn(browser, base, chair.username(), PASSWORD);

            // the agenda: an item presented by the member, with a handout
            browser.open(meetingPage);
            browser.checkPage("meeting-chair");
            browser.find("#field-addTitle").sendKeys("相談支援の連携事例の報告");
            new Select(browser.find("#field-addPresenter")).selectByValue(member);
            browser.find("form[action$='/agenda'] button[type=submit]").click();
            browser.awaitFlash("議題を追加しました");
            reloadUntil(browser, meetingPage, () -> !browser.all("ol.agenda li.agenda__item").isEmpty());
            assertThat(browser.find("ol.agenda").getText()).contains("相談支援の連携事例の報告").contains("あなたのいばしょ議事録");
            browser.find("#field-item0File").sendKeys(handout.toAbsolutePath().toString());
            browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
            browser.awaitFlash("ファイルを添付しました");
            reloadUntil(browser, meetingPage, () -> !browser.all("ol.agenda ul.files a").isEmpty());
            browser.checkPage("agenda-with-file");

            // two drafts
            browser.find("a[href$='/minutes']").click();
            browser.awaitHeading("第5回 分科会 議事録");
            browser.checkPage("minutes-empty");
            browser.find("#field-text").sendKeys(FIRST);
            browser.find("form[action$='/minutes'] button[type=submit]").click();
            browser.awaitFlash("議事録を保存しました");
            reloadUntil(browser, minutesPage, () -> browser.all("table.revisions tbody tr").size() == 1);
            browser.find("#field-text").clear();
            browser.find("#field-text").sendKeys(SECOND);
            browser.find("form[action$='/minutes'] button[type=submit]").click();
            browser.awaitFlash("議事録を保存しました");
            reloadUntil(browser, minutesPage, () -> browser.all("table.revisions tbody tr").size() == 2);
            assertThat(browser.find("table.revisions").getText()).contains(chair.username()).contains("令和");
            browser.checkPage("minutes-two-revisions");

            // compared: what changed is said in words, not by colour alone
            browser.find("form[action$='/comparison'] button[type=submit]").click();
            browser.awaitHeading("議事録 第1版と第2版の比較");
            assertThat(browser.find("ol.line-diff del").getText()).isEqualTo("2. 相談支援の報告");
            assertThat(browser.find("ol.line-diff ins").getText()).isEqualTo("2. 連携事例の報告（ライフリンク）");
            assertThat(browser.find("li.line-diff__removed").getText()).startsWith("削除");
            assertThat(browser.find("li.line-diff__added").getText()).startsWith("追加");
            browser.checkPage("minutes-comparison");

            // the first restored as the third revision
            browser.open(minutesPage);
            browser.find("form[action$='/revisions/1/restoration'] button").click();
            browser.awaitFlash("第1版の内容を新しい版として復元しました");
            reloadUntil(browser, minutesPage, () -> browser.all("table.revisions tbody tr").size() == 3);
            assertThat(browser.find("#field-text").getAttribute("value")).isEqualTo(FIRST);
            browser.checkPage("minutes-restored");

            // finalized after the confirmation, then published to the members
            browser.find("a[href$='/minutes/finalization']").click();
            browser.awaitHeading("議事録を確定しますか");
            browser.checkPage("minutes-finalization");
            browser.find("form[action$='/minutes/finalization'] button").click();
            browser.awaitFlash("議事録を確定しました");
            reloadUntil(browser, minutesPage, () -> !browser.all("form[action$='/publication']").isEmpty());
            assertThat(browser.all("#field-text")).as("nothing changes finalized minutes").isEmpty();
            browser.find("label[for='audience-MEMBERS']").click();
            browser.find("form[action$='/publication'] button").click();
            browser.awaitFlash("議事録を分科会の構成団体に公開しました");
            browser.checkPage("minutes-published");
            WebSignIn.signOut(browser, base);

            // a member admin reads them
            WebSignIn.signIn(browser, base, memberAdmin, PASSWORD);
            reloadUntil(browser, minutesPage, () -> !browser.all(".minutes-text").isEmpty());
            assertThat(browser.find(".minutes-text").getText()).contains("2. 相談支援の報告");
            assertThat(browser.find("dl.facts").getText()).contains("構成団体に公開");
            browser.checkPage("minutes-member");
            WebSignIn.signOut(browser, base);

            // the public does not: members-only minutes send a visitor to sign in
            browser.open(minutesPage);
            await().atMost(PATIENCE).until(() -> browser.driver().getCurrentUrl().startsWith(TestTokens.issuer()));
            assertThat(browser.driver().getPageSource()).doesNotContain("相談支援の報告");
            browser.open(base + "/");

            // the chair's term ends while the chair's session is open: its page and a form on screen are refused at once
            WebSignIn.signIn(browser, base, chair.username(), PASSWORD);
            browser.open(meetingPage);
            browser.find("#field-addTitle").sendKeys("任期の後の議題");
            Api.Response ended = api.post("/api/v1/subcommittees/" + subcommittee + "/chairs/" + chair.userId() + "/end")
                                    .token(TestTokens.secretariat()).body(Map.of("reason", "任期満了")).send();
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
            awaitProjections();
            browser.find("form[action$='/agenda'] button[type=submit]").click();
            awaitRefused(browser);
            browser.open(meetingPage);
            awaitRefused(browser);
            browser.open(base + "/subcommittees/" + subcommittee + "/polls/new");
            awaitRefused(browser);
            assertThat(browser.all("nav.site-nav a[href='/my-subcommittee']")).as("nor the header's link").isEmpty();
            assertThat(api.get("/api/v1/subcommittees/" + subcommittee + "/meetings/" + meetingPage.substring(meetingPage.lastIndexOf('/') + 1))
                          .token(TestTokens.secretariat()).send().json().get("agenda").findValuesAsText("title"))
                    .as("nothing was added").containsExactly("相談支援の連携事例の報告");
            browser.checkPage("chair-term-ended");
        } finally {
            Files.deleteIfExists(handout);
        }
    }

    /** A meeting confirmed from a poll through the API (as the chair's poll pages do); its id. */
    private String aMeeting(String subcommittee) {
        Subcommittees subcommittees = new Subcommittees(api);
        Api.Response opened = subcommittees.post(subcommittee, "/polls", TestTokens.secretariat(), Map.of("title",
                "第5回 分科会", "deadline", TODAY.plusDays(3) + "T17:00", "slots", List.of(Map.of("date",
                        TODAY.plusDays(10).toString(), "start", "14:00", "end", "16:00"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        assertThat(subcommittees.post(subcommittee, "/polls/" + poll + "/confirmation", TestTokens.secretariat(),
                Map.of("slotId", opened.json().get("slotIds").get(0).asText())).status()).isEqualTo(200);
        String meeting = MeetingId.fromPoll(new PollId(poll)).value();
        await().atMost(PATIENCE).until(() -> api.get("/api/v1/subcommittees/" + subcommittee + "/meetings/" + meeting)
                                                 .token(TestTokens.secretariat()).send().status() == 200);
        awaitProjections();
        return meeting;
    }

    /** The platform's 403 page (the page's source in the failure, to tell what was shown instead). */
    private static void awaitRefused(Browser browser) {
        try {
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(NoSuchElementException.class)
                   .until(() -> browser.heading().equals("このページを表示する権限がありません"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String source = browser.driver().getPageSource();
            throw new AssertionError("not the 403 page at " + browser.driver().getCurrentUrl() + ": "
                    + source.substring(0, Math.min(3000, source.length())), e);
        }
    }

    /** A write's page is shown once the read model has it (the redirect may come a moment before). */
    private static void reloadUntil(Browser browser, String url, BooleanSupplier shown) {
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(NoSuchElementException.class).until(() -> {
            browser.open(url);
            return shown.getAsBoolean();
        });
    }
}
