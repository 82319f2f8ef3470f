package jp.kodoku.platform.gateway.pages;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.WebSignIn;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Membership from the first form to the member's own edit, in a real headless Chromium against the real platform,
 * the real Keycloak and the real mail server, with axe-core on every page (screenshots: target/screenshots/):
 * an applicant applies and resubmits after being sent back; the secretariat approves and changes the category; the
 * new member admin follows the link of the mail Keycloak sent on approval, sets a password, signs in and edits the
 * profile, where a second admin's change made meanwhile shows the stale-version page.
 */
class MembershipJourneyTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+action-token[^\\s\"<>]+");

    private String base;

    @BeforeEach
    void signInMayReturnHere() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void an_application_becomes_a_member_whose_admin_signs_in_from_the_mail_and_edits_the_profile() {
        String tag = Samples.uniqueKana();
        String name = "みちくさ食堂" + tag;
        String email = "michikusa-" + System.nanoTime() + "@michikusa.example.jp";
        String privateUrl;
        String organizationId;

        try (Browser applicant = new Browser("journey-applicant")) {
            applicant.open(base + "/apply");
            applicant.checkPage("apply");
            applicant.find("#field-name").sendKeys(name);
            applicant.find("#field-nameKana").sendKeys("ミチクサショクドウ" + tag);
            new Select(applicant.find("#field-legalForm")).selectByValue("UNINCORPORATED_ASSOCIATION");
            new Select(applicant.find("#field-bodyType")).selectByValue("NPO_SUPPORT");
            new Select(applicant.find("#field-requestedCategory")).selectByValue("REGULAR");
            check(applicant, "prefectureCodes", "13");
            check(applicant, "fieldsOfActivity", null);
            applicant.find("#field-consentToPublish").click();
            applicant.find("#field-contactName").sendKeys("道草 花子");
            applicant.find("#field-contactEmail").sendKeys(email);
            applicant.find("#field-bylawsAgreed").click();
            applicant.find("main form button[type=submit]").click();
            applicant.awaitHeading("申込みを受け付けました");
            applicant.checkPage("applied");
            privateUrl = applicant.find("#private-link").getDomProperty("value");
        }
        awaitProjections();
        organizationId = api.get("/api/v1/organizations?status=APPLIED&q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)).token(TestTokens.secretariat()).send().json()
                            .get("items").get(0).get("organizationId").asText();

        // one browser at a time: two Chromiums side by side do not start reliably on a loaded two-core machine
        try (Browser secretariat = new Browser("journey-secretariat")) {
            signIn(secretariat, "jimukyoku", "jimukyoku-demo");
            secretariat.open(base + "/secretariat/applications");
            secretariat.checkPage("applications");
            // the queue's first page may be full of other tests' applications: the record is opened by its address
            secretariat.open(base + "/secretariat/organizations/" + organizationId);
            secretariat.awaitHeading(name);
            secretariat.checkPage("application-record");
            secretariat.find("#field-comment").sendKeys("団体の紹介を書き足してください。");
            secretariat.find("form[action$='/send-back'] button").click();
            secretariat.awaitFlash("差し戻しました");
        }

        try (Browser applicant = new Browser("journey-applicant-resubmits")) {
            applicant.open(privateUrl);
            assertThat(applicant.find("main").getText()).contains("団体の紹介を書き足してください。");
            applicant.checkPage("sent-back");
            applicant.find("#field-publicDescription").sendKeys("川沿いの空き家で毎週木曜にこども食堂を開いています。");
            applicant.find("main form button[type=submit]").click();
            applicant.awaitFlash("再提出しました");
            awaitProjections();
            applicant.open(privateUrl);
            assertThat(applicant.find("dl.facts").getText()).contains("審査中");
            applicant.checkPage("resubmitted");
        }
        awaitProjections();

        try (Browser secretariat = new Browser("journey-secretariat-approves")) {
            signIn(secretariat, "jimukyoku", "jimukyoku-demo");
            secretariat.open(base + "/secretariat/organizations/" + organizationId);
            secretariat.find("form[action$='/approval'] button").click();
            secretariat.awaitFlash("承認しました");
            secretariat.checkPage("approved");
            awaitProjections();
            secretariat.open(base + "/secretariat/organizations/" + organizationId);
            secretariat.find("a[href$='/category-change']").click();
            secretariat.checkPage("category-change");
            new Select(secretariat.find("#field-category")).selectByValue("COOPERATING");
            // the date picker's typing order follows the browser's locale; the value it holds is always ISO
            secretariat.driver().executeScript("arguments[0].value = arguments[1]", secretariat.find("#field-effectiveDate"),
                    LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
            secretariat.find("#field-reason").sendKeys("総会の議決による");
            secretariat.find("main form button[type=submit]").click();
            waiting().ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                     .until(() -> secretariat.find("dl.facts").getText().contains("協力会員"));
            secretariat.checkPage("category-change-confirmation");
            secretariat.find("main form button.button").click();
            secretariat.awaitFlash("会員区分を変更しました");
            secretariat.checkPage("category-changed");
        }
        awaitProjections();
        assertThat(api.get("/api/v1/organizations/" + organizationId).token(TestTokens.secretariat()).send().json()
                      .get("category").asText()).isEqualTo("COOPERATING");

        String link = waiting().until(() -> invitationLink(email), Optional::isPresent).get();
        try (Browser admin = new Browser("journey-member-admin")) {
            admin.open(link);
            // Keycloak's own pages: the required actions of the new account, then its "updated" page
            waiting().until(() -> !admin.all("#password-new, a[href*='required-action'], #kc-info-message").isEmpty());
            if (admin.all("#password-new").isEmpty()) {
                admin.find("#kc-info-message a").click();
            }
            admin.screenshot("keycloak-set-password");
            admin.find("#password-new").sendKeys("Michikusa-2024!");
            admin.find("#password-confirm").sendKeys("Michikusa-2024!");
            admin.find("#password-confirm").submit();
            waiting().until(() -> admin.all("#password-new").isEmpty());

            signIn(admin, email, "Michikusa-2024!");
            admin.open(base + "/my-organization");
            admin.awaitHeading("団体情報の編集");
            admin.checkPage("member-profile");
            String version = admin.find("input[name=version]").getDomProperty("value");
            // meanwhile a second admin of the organization changes the description through the API
            Api.Response meanwhile = api.patch("/api/v1/organizations/" + organizationId + "/profile")
                                        .token(TestTokens.memberAdmin(organizationId))
                                        .header("If-Match", "\"" + version + "\"")
                                        .body(Map.of("website", "https://michikusa.example.jp")).send();
            assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
            awaitProjections();

            admin.find("#field-publicDescription").clear();
            admin.find("#field-publicDescription").sendKeys("毎週木曜、川沿いの空き家でこども食堂を開いています。");
            admin.find("form[action$='/profile'] button[type=submit]").click();
            waiting().ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                     .until(() -> admin.find("#stale-title").getText().equals("この情報は他の方が更新しました"));
            assertThat(admin.find("section[aria-labelledby=stale-title]").getText()).contains("ウェブサイト");
            admin.checkPage("member-stale-version");

            admin.find("form[action$='/profile'] button[type=submit]").click();
            admin.awaitFlash("保存しました");
            admin.checkPage("member-saved");
        }
        awaitProjections();
        var published = api.get("/api/v1/directory/" + organizationId).send().json();
        assertThat(published.get("publicDescription").asText()).isEqualTo("毎週木曜、川沿いの空き家でこども食堂を開いています。");
        assertThat(published.get("website").asText()).as("the second admin's change is kept")
                                                      .isEqualTo("https://michikusa.example.jp");
    }

    /**
     * Awaitility, blind to other threads' failures: the shared mail server's handlers may log a broken connection of
     * another client while this journey waits for a page.
     */
    private static org.awaitility.core.ConditionFactory waiting() {
        return await().atMost(PATIENCE).dontCatchUncaughtExceptions();
    }

    private void signIn(Browser browser, String username, String password) {
        browser.open(base + "/");
        WebSignIn.signIn(browser, base, username, password);
    }

    /** Ticks the check box of {@code value} in a group, or the first of the group when null. */
    private static void check(Browser browser, String group, String value) {
        var boxes = browser.driver().findElements(By.cssSelector("input[type=checkbox][name=" + group + "]"));
        boxes.stream().filter(b -> value == null || value.equals(b.getDomProperty("value"))).findFirst()
             .orElseThrow().click();
    }

    /** The action link of the mail Keycloak sent the address on approval (set a password, verify the address). */
    private static Optional<String> invitationLink(String email) {
        return Arrays.stream(TestTokens.KEYCLOAK.mail().getReceivedMessages())
                     .filter(m -> recipients(m).contains(email))
                     .map(MembershipJourneyTest::body)
                     .map(LINK::matcher).filter(Matcher::find)
                     .map(m -> m.group().replace("&amp;", "&"))
                     .findFirst();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replaceAll("=\r?\n", "").replace("=3D", "=");
    }
}
