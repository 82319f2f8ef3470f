package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebSignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 分科会3's date poll in a real Chromium, signed in on the real Keycloak login page each time: its chair opens a poll,
 * two member admins answer ○/△/×, the chair reads the table and confirms a slot, a member sees the meeting. axe-core
 * checks every page (WCAG 2.1 A/AA); screenshots under target/screenshots/subcommittee-poll/.
 */
class SubcommitteeJourneyTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PASSWORD = "test-password-1";
    private static final String BUNKAKAI_3 = "bunkakai-3";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private String base;

    @BeforeEach
    void signInMayReturnHere() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void the_chair_of_bunkakai_3_opens_a_poll_two_members_answer_the_chair_confirms_and_a_member_sees_the_meeting() {
        Members members = new Members(api);
        String tag = Samples.uniqueKana();
        String lead = members.activeMember(Samples.application("ライフリンク旅程" + tag, "ライフリンクリョテイ" + tag));
        String first = members.activeMember(Samples.application("あなたのいばしょ旅程" + tag, "アナタノイバショリョテイ" + tag));
        String second = members.activeMember(Samples.application("日本NPOセンター旅程" + tag, "ニホンエヌピーオーセンターリョテイ" + tag));
        Subcommittees.Chair chair = bunkakai3LedBy(lead, first, second);
        String firstAdmin = adminAccount(first);
        String secondAdmin = adminAccount(second);
        LocalDate afternoonDay = TODAY.plusDays(14);
        LocalDate wholeDay = TODAY.plusDays(21);

        try (Browser browser = new Browser("subcommittee-poll")) {
            // the chair opens the poll
            browser.open(base + "/");
            WebSignIn.signIn(browser, base, chair.username(), PASSWORD);
            browser.find("nav.site-nav a[href='/my-subcommittee']").click();
            browser.awaitHeading("分科会3 会議と日程調整");
            browser.checkPage("chair-inside");
            browser.find("a[href='/subcommittees/bunkakai-3/polls/new']").click();
            browser.checkPage("poll-new");
            browser.find("#field-title").sendKeys("第6回 分科会3 日程調整");
            type(browser, "#field-deadlineDate", TODAY.plusDays(7).toString());
            type(browser, "#field-deadlineTime", "17:00");
            type(browser, "#field-slot0Date", afternoonDay.toString());
            type(browser, "#field-slot0Start", "14:00");
            type(browser, "#field-slot0End", "16:00");
            type(browser, "#field-slot1Date", wholeDay.toString());
            browser.find("form[action='/subcommittees/bunkakai-3/polls'] button[type=submit]").click();
            browser.awaitHeading("第6回 分科会3 日程調整");
            browser.awaitFlash("日程調整を始めました");
            browser.checkPage("poll-opened");
            String pollUrl = browser.driver().getCurrentUrl();
            WebSignIn.signOut(browser, base);

            // two member admins answer
            answer(browser, firstAdmin, pollUrl, List.of("answer-0-YES", "answer-1-MAYBE"), "午後なら参加できます", "first");
            answer(browser, secondAdmin, pollUrl, List.of("answer-0-YES", "answer-1-NO"), null, "second");

            // the chair reads the table and confirms the afternoon
            WebSignIn.signIn(browser, base, chair.username(), PASSWORD);
            browser.open(pollUrl);
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.NoSuchElementException.class)
                   .until(() -> {
                       browser.open(pollUrl);
                       return browser.all("table.poll-table tbody tr").size() == 2;
                   });
            String table = browser.find("table.poll-table").getText();
            assertThat(table).contains("午後なら参加できます");
            List<WebElement> counts = browser.all("table.poll-table tfoot td");
            assertThat(counts.get(0).getText()).as("the afternoon").contains("○ 2").contains("△ 0").contains("× 0");
            assertThat(counts.get(1).getText()).as("the whole day").contains("○ 0").contains("△ 1").contains("× 1");
            assertThat(browser.find("ul.not-answered").getText()).as("the lead has not answered").contains("ライフリンク旅程");
            browser.checkPage("poll-table");
            browser.find("label[for='confirm-0']").click();
            browser.find("form[action$='/confirmation'] button[type=submit]").click();
            browser.awaitFlash("日程を確定しました");
            browser.checkPage("poll-confirmed");
            WebSignIn.signOut(browser, base);

            // a member sees the meeting
            WebSignIn.signIn(browser, base, firstAdmin, PASSWORD);
            browser.find("nav.site-nav a[href='/my-organization/subcommittees']").click();
            browser.checkPage("member-subcommittees");
            browser.find("a[href='/subcommittees/bunkakai-3/meetings']").click();
            await().atMost(PATIENCE).until(() -> {
                browser.open(base + "/subcommittees/bunkakai-3/meetings");
                return !browser.all("table.meetings tbody tr").isEmpty();
            });
            assertThat(browser.find("table.meetings").getText()).contains("第6回 分科会3 日程調整")
                                                                .contains(afternoonDay.toString()).contains("14時00分〜16時00分");
            browser.checkPage("member-meetings");
            browser.find("table.meetings tbody a").click();
            browser.awaitHeading("第6回 分科会3 日程調整");
            assertThat(browser.find("dl.facts").getText()).contains("開催予定");
            assertThat(browser.all("form[action$='/cancellation']")).as("a member changes nothing").isEmpty();
            browser.checkPage("member-meeting");
        }
    }

    /** Signs in as a member admin, opens the poll, picks a choice per slot (by its label) and saves. */
    private void answer(Browser browser, String username, String pollUrl, List<String> choices, String comment, String who) {
        WebSignIn.signIn(browser, base, username, PASSWORD);
        browser.open(pollUrl);
        browser.checkPage("poll-" + who + "-member");
        for (String choice : choices) {
            browser.find("label[for='" + choice + "']").click();
        }
        if (comment != null) {
            browser.find("form[action$='/answers'] input[type=text]").sendKeys(comment);
        }
        browser.find("form[action$='/answers'] button[type=submit]").click();
        browser.awaitFlash("回答を保存しました");
        browser.checkPage("poll-" + who + "-answered");
        WebSignIn.signOut(browser, base);
    }

    /**
     * 分科会3 in the test database, led by one organization with two members, and a chair appointed by the
     * secretariat through the API (so Keycloak gives the account the role and the claim bunkakai-3, as in the demo).
     */
    private Subcommittees.Chair bunkakai3LedBy(String lead, String... members) {
        String token = TestTokens.secretariat();
        Api.Response created = api.post("/api/v1/subcommittees").token(token)
                                  .body(Map.of("number", 3, "title", "相談支援に係る実務的な相互連携の在り方",
                                          "theme", "状況に合わせた切れ目のない相談支援につなげる。", "leadOrganizationIds", List.of(lead)))
                                  .send();
        assertThat(created.status()).as("only this test sets up 分科会3: " + created).isEqualTo(201);
        Subcommittees subcommittees = new Subcommittees(api);
        for (String member : members) {
            assertThat(subcommittees.post(BUNKAKAI_3, "/members", token, Map.of("organizationId", member)).status())
                    .isEqualTo(200);
        }
        Subcommittees.Chair chair = subcommittees.appointChair(BUNKAKAI_3, lead);
        awaitProjections();
        return chair;
    }

    /** A member admin's sign-in account for the organization (made in the test realm); its username. */
    private static String adminAccount(String organization) {
        TestTokens.memberAdmin(organization);
        return "admin-" + organization;
    }

    /** Date and time fields take their value as the browser's picker would give it (typing depends on the locale). */
    private static void type(Browser browser, String css, String value) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }
}
