package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebSignIn;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounces in a real headless Chromium with axe-core on every page (support.Browser): a member admin sees on the
 * contacts page that the newsletter no longer reaches a contact; the secretariat finds the address from the
 * newsletter page with its reason and lifts the suspension with the button.
 */
class NewsletterBouncesJourneyTest extends ApiTest {

    @Autowired
    private CommandGateway commands;

    private String base;

    @BeforeEach
    void platform() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void the_member_admin_sees_the_bouncing_contact_and_the_secretariat_lifts_the_suspension() {
        String organization = new Members(api).activeMember(Samples.application());
        String[] memberAdmin = TestTokens.memberAdminSignIn(organization);
        awaitProjections();
        String email = Newsletters.hardBounceOfFirstContact(api, commands, organization);
        awaitProjections();

        try (Browser member = new Browser("newsletter-bounce-contacts")) {
            member.open(base + "/");
            WebSignIn.signIn(member, base, memberAdmin[0], memberAdmin[1]);
            member.open(base + "/organizations/" + organization + "/contacts");
            member.awaitHeading("担当者");
            assertThat(member.find("table.contacts tbody").getText()).contains(email, "メールマガジンの配信を止めています");
            member.checkPage("contacts-bouncing");
        }

        try (Browser secretariat = new Browser("newsletter-bounces")) {
            secretariat.open(base + "/");
            WebSignIn.signIn(secretariat, base, "jimukyoku", "jimukyoku-demo");
            secretariat.find("nav.site-nav a[href='/secretariat/newsletter']").click();
            secretariat.awaitHeading("メールマガジン管理");
            secretariat.find("main a[href='/secretariat/newsletter/bounces']").click();
            secretariat.awaitHeading("届かないメールアドレス");
            WebElement row = row(secretariat, email);
            assertThat(row.getText()).contains("配信停止中", "恒久的な不達（5.1.1）", "User unknown");
            secretariat.checkPage("secretariat-bounces");

            row.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
            secretariat.awaitFlash("配信停止を解除しました。");
            awaitProjections();
            secretariat.open(base + "/secretariat/newsletter/bounces");
            secretariat.awaitHeading("届かないメールアドレス");
            assertThat(row(secretariat, email).getText()).contains("配信中").doesNotContain("配信停止中");
            secretariat.checkPage("secretariat-bounces-lifted");
        }
    }

    private static WebElement row(Browser browser, String email) {
        return browser.all("main table tbody tr").stream()
                      .filter(r -> r.findElement(org.openqa.selenium.By.tagName("th")).getText().equals(email))
                      .findFirst().orElseThrow(() -> new AssertionError(email + " is not listed"));
    }
}
