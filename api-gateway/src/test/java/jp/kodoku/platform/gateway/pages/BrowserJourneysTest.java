package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebSignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real headless Chromium against the real platform and the real Keycloak login page, with axe-core
 * checking every page of the platform for WCAG 2.1 A/AA violations. Screenshots: target/screenshots/.
 */
class BrowserJourneysTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private String base;

    @BeforeEach
    void signInMayReturnHere() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void a_visitor_searches_in_hiragana_as_they_type_and_opens_the_member_found() {
        String tag = Samples.uniqueKana();
        new Members(api).activeMember(Samples.application("ひなたぼっこ食堂" + tag, "ヒナタボッコショクドウ" + tag));
        awaitProjections();
        String hiragana = hiragana("ヒナタボッコショクドウ" + tag);

        try (Browser browser = new Browser("visitor-search")) {
            browser.open(base + "/");
            browser.checkPage("top");
            browser.find("nav.site-nav a[href='/directory']").click();
            browser.checkPage("directory");

            browser.find("#field-q").sendKeys(hiragana);
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(org.openqa.selenium.StaleElementReferenceException.class)
                   .until(() -> browser.all("#results .result-list a").size() == 1);
            assertThat(browser.find("#results .result-list a").getText()).isEqualTo("ひなたぼっこ食堂" + tag);
            assertThat(browser.driver().getCurrentUrl()).as("the search is in the address, to share or go back to")
                                                        .contains("q=");
            browser.checkPage("directory-results");

            browser.find("#results .result-list a").click();
            browser.awaitHeading("ひなたぼっこ食堂" + tag);
            browser.checkPage("organization");

            browser.open(base + "/statistics?asOf=2024-04-01");
            browser.awaitHeading("会員数の推移");
            browser.checkPage("statistics");
        }
    }

    @Test
    void the_secretariat_signs_in_on_keycloak_edits_a_profile_meets_a_concurrent_edit_and_signs_out() {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections();

        try (Browser browser = new Browser("secretariat-edit")) {
            browser.open(base + "/");
            WebSignIn.signIn(browser, base, "jimukyoku", "jimukyoku-demo");
            browser.checkPage("signed-in");

            browser.open(base + "/organizations/" + id + "/profile");
            browser.awaitHeading("団体情報の編集");
            browser.checkPage("profile-edit");
            String version = browser.find("input[name=version]").getDomProperty("value");
            // meanwhile someone else changes the description through the API
            Api.Response meanwhile = api.patch("/api/v1/organizations/" + id + "/profile")
                                        .token(TestTokens.secretariat()).header("If-Match", "\"" + version + "\"")
                                        .body(Map.of("publicDescription", "別の担当者が更新しました。")).send();
            assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
            awaitProjections();

            browser.find("#field-website").clear();
            browser.find("#field-website").sendKeys("https://browser.example.jp");
            browser.find("form[action$='/profile'] button[type=submit]").click();
            assertThat(browser.find("#stale-title").getText()).isEqualTo("この情報は他の方が更新しました");
            assertThat(browser.find("section[aria-labelledby=stale-title]").getText()).contains("他の方が変更した項目：団体の紹介");
            assertThat(browser.find("table.changes").getText()).contains("https://browser.example.jp");
            browser.checkPage("stale-version");

            browser.find("form[action$='/profile'] button[type=submit]").click();
            browser.awaitFlash("保存しました");
            browser.checkPage("saved");

            WebSignIn.signOut(browser, base);
            browser.checkPage("signed-out");
            // the Keycloak session ended too: a page that needs sign-in shows Keycloak's login form again
            browser.open(base + "/organizations/" + id + "/profile");
            await().atMost(PATIENCE).until(() -> !browser.driver().findElements(By.id("kc-login")).isEmpty());
        }
        awaitProjections();
        var stored = api.get("/api/v1/directory/" + id).send().json();
        assertThat(stored.get("website").asText()).isEqualTo("https://browser.example.jp");
        assertThat(stored.get("publicDescription").asText()).as("the other person's change is kept")
                                                           .isEqualTo("別の担当者が更新しました。");
    }

    private static String hiragana(String katakana) {
        StringBuilder s = new StringBuilder();
        katakana.codePoints().forEach(c -> s.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return s.toString();
    }
}
