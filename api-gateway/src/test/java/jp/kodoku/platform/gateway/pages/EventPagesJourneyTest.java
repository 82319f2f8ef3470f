package jp.kodoku.platform.gateway.pages;

import com.icegreen.greenmail.util.GreenMail;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.WebSignIn;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events pages in a real headless Chromium against the real platform, Keycloak's login page and the test mail
 * server, with axe-core on every page (WCAG 2.1 A/AA). Screenshots: target/screenshots/event-registration/.
 */
class EventPagesJourneyTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    GreenMail greenMail;

    private String base;

    @BeforeEach
    void signInMayReturnHere() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void a_member_admin_is_waitlisted_for_a_full_event_promoted_when_the_secretariat_raises_capacity_and_a_public_registrant_confirms_by_mail_and_cancels() {
        Events events = new Events(api);
        String eventId = events.published(Events.oneSeat());
        events.register(eventId, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1); // the one seat is taken
        String organization = UUID.randomUUID().toString();
        String[] memberAdmin = TestTokens.memberAdminSignIn(organization);
        awaitProjections();

        try (Browser member = new Browser("event-registration");
             Browser secretariat = new Browser("event-registration-secretariat");
             Browser visitor = new Browser("event-registration-public")) {
            // a member admin registers its staff for the full event: waitlisted
            member.open(base + "/");
            WebSignIn.signIn(member, base, memberAdmin[0], memberAdmin[1]);
            member.find("nav.site-nav a[href='/events']").click();
            member.awaitHeading("イベント");
            member.checkPage("calendar-list");
            member.find("a[href='/events?view=month&month=" + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo"))
                    + "']").click();
            member.checkPage("calendar-month");
            member.open(base + "/events/" + eventId);
            assertThat(member.find("#register-title + p, #register-title ~ p").getText()).contains("満席です");
            member.checkPage("event-full");
            member.find("form[action='/events/" + eventId + "/registrations'] button[type=submit]").click();
            assertThat(flash(member)).contains("キャンセル待ち（1番目）");
            member.checkPage("waitlisted");

            // the secretariat raises the capacity in the editor: the waitlist moves up in the same command
            secretariat.open(base + "/");
            WebSignIn.signIn(secretariat, base, "jimukyoku", "jimukyoku-demo");
            secretariat.find("nav.site-nav a[href='/secretariat/events']").click();
            secretariat.checkPage("secretariat-events");
            secretariat.open(base + "/secretariat/events/" + eventId);
            secretariat.awaitHeading("イベントの編集");
            secretariat.find("#field-capacity").clear();
            secretariat.find("#field-capacity").sendKeys("3");
            secretariat.find("form[action='/secretariat/events/" + eventId + "'] button[type=submit]").click();
            assertThat(flash(secretariat)).contains("保存しました");
            secretariat.checkPage("capacity-raised");

            // the member's page shows the promotion and, now, the online URL
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.NoSuchElementException.class)
                   .until(() -> {
                       member.open(base + "/my-organization/event-registrations");
                       return member.find(".registration-status").getText().contains("参加確定");
                   });
            assertThat(member.find(".registration-status").getText()).contains("定員が増えたため");
            assertThat(member.find("a[href='https://meet.example.jp/workshop']").getText())
                    .isEqualTo("https://meet.example.jp/workshop");
            member.checkPage("promoted");

            // someone of the public registers, confirms through the mailed link, then cancels
            String email = "hanako." + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            visitor.open(base + "/events/" + eventId);
            visitor.checkPage("event-public");
            visitor.find("#field-name").sendKeys("山田 花子");
            visitor.find("#field-email").sendKeys(email);
            new Select(visitor.find("#field-seats")).selectByValue("1");
            visitor.find("form[action='/events/" + eventId + "/public-registrations'] button[type=submit]").click();
            assertThat(flash(visitor)).contains("確認のメールを送りました");
            assertThat(visitor.driver().getPageSource()).doesNotContain("meet.example.jp");
            visitor.checkPage("public-received");

            String link = Mailbox.awaitMatch(greenMail, email,
                    Pattern.compile("http://[^\\s\"<]+/events/" + eventId + "/registrations/confirm\\?token=[A-Za-z0-9_-]+"));
            visitor.open(link.replaceFirst("^http://[^/]+", base));
            visitor.awaitHeading("お申込みの確認");
            visitor.checkPage("registrant-pending");
            visitor.find("form[action$='/registrations/confirm'] button[type=submit]").click();
            assertThat(flash(visitor)).contains("参加が確定しました");
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.NoSuchElementException.class)
                   .until(() -> {
                       visitor.driver().navigate().refresh();
                       return visitor.find("#registration-status").getText().equals("参加確定");
                   });
            assertThat(visitor.find("a[href='https://meet.example.jp/workshop']").isDisplayed()).isTrue();
            visitor.checkPage("registrant-confirmed");

            visitor.find("form[action$='/registrations/cancel'] button[type=submit]").click();
            assertThat(flash(visitor)).contains("キャンセルしました");
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.NoSuchElementException.class)
                   .until(() -> {
                       visitor.driver().navigate().refresh();
                       return visitor.find("#registration-status").getText().equals("キャンセル済み");
                   });
            assertThat(visitor.driver().getPageSource()).doesNotContain("meet.example.jp");
            visitor.checkPage("registrant-cancelled");

            // the secretariat's table shows all of it
            secretariat.open(base + "/secretariat/events/" + eventId + "/registrations");
            assertThat(secretariat.find("table.registrations").getText()).contains("山田 花子").contains("キャンセル済み")
                                                                         .contains("定員が増えたため");
            secretariat.checkPage("registrations-table");
        }
    }

    /** The flash message of the page a form leads to, once that page has loaded (a click returns before it does). */
    private static String flash(Browser browser) {
        return await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.NoSuchElementException.class)
                      .until(() -> browser.find(".flash").getText(), text -> !text.isEmpty());
    }
}
