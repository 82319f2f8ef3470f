package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity feed in a real headless Chromium with axe-core on every page (support.Browser): a visitor reads the
 * newest activity on the top page, follows the header to 最近の動き, narrows it by kind and opens a new member's page.
 */
class ActivityJourneyTest extends ApiTest {

    @Test
    void a_visitor_reads_the_activity_from_the_top_page_narrows_it_and_opens_a_new_member() {
        Map<String, Object> application = Samples.application();
        String name = Samples.profileOf(application).get("name").toString();
        new Members(api).activeMember(application);
        awaitProjections();
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = new Browser("visitor-activity")) {
            browser.open(base + "/");
            assertThat(browser.all(".activity a").stream().map(a -> a.getText()).toList())
                    .contains(name + "が会員になりました");
            browser.checkPage("top-with-activity");

            browser.find("nav.site-nav a[href='/activity']").click();
            browser.awaitHeading("最近の動き");
            browser.checkPage("activity");

            new Select(browser.find("#field-kind")).selectByValue("MEMBER_JOINED");
            browser.find("form.filters button[type=submit]").click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                                     .until(() -> browser.driver().getCurrentUrl().contains("kind=MEMBER_JOINED")
                                             && !browser.all(".activity__kind").isEmpty());
            assertThat(browser.all(".activity__kind").stream().map(k -> k.getText()).toList())
                    .isNotEmpty().allMatch("入会"::equals);
            browser.checkPage("activity-members-joined");

            browser.all(".activity a").stream().filter(a -> a.getText().equals(name + "が会員になりました")).findFirst()
                   .orElseThrow().click();
            browser.awaitHeading(name);
            browser.checkPage("organization-from-activity");
        }
    }
}
