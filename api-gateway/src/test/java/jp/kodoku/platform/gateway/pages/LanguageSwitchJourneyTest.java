package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English switch in a real headless Chromium with axe-core on every page, in both languages (support.Browser): a
 * visitor switches the top page to English, searches the directory, opens the application form, and switches back to
 * Japanese on it; the choice holds from page to page.
 */
class LanguageSwitchJourneyTest extends ApiTest {

    @Test
    void a_visitor_reads_the_public_pages_in_english_and_switches_back_to_japanese() {
        Map<String, Object> application = Samples.application();
        String name = Samples.profileOf(application).get("name").toString();
        new Members(api).activeMember(application);
        awaitProjections();
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = new Browser("visitor-english")) {
            browser.open(base + "/");
            browser.checkPage("top-ja");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ja");

            browser.find("a.language-switch[lang=en]").click();
            browser.awaitHeading("Public-Private Partnership Platform on Loneliness and Isolation");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.find("#counts-title").getText()).matches("Members as of \\d{1,2} [A-Z][a-z]+ \\d{4}");
            browser.checkPage("top-en");

            browser.find("nav.site-nav a[href='/directory']").click();
            browser.awaitHeading("Find members");
            browser.find("#field-q").sendKeys(name);
            browser.find("form[role=search] button[type=submit]").click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                                     .until(() -> browser.all("#results .result-list a").stream()
                                                         .anyMatch(a -> a.getText().equals(name)));
            assertThat(browser.find("#results-title").getText()).isEqualTo("Results");
            browser.checkPage("directory-en");

            browser.open(base + "/apply");
            browser.awaitHeading("Apply for membership");
            browser.checkPage("apply-en");

            browser.find("a.language-switch[lang=ja]").click();
            browser.awaitHeading("入会の申込み");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/apply");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ja");
            browser.checkPage("apply-ja");
        }
    }
}
