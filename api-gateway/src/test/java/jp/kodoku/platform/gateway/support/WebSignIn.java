package jp.kodoku.platform.gateway.support;

import org.keycloak.representations.idm.ClientRepresentation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing in and out of the pages in a real browser, on the test Keycloak's real login page: what every browser
 * journey does first.
 */
public final class WebSignIn {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WebSignIn() {
    }

    /**
     * The test platform listens on a random port: the realm's web client must let sign-in return there. Returns the
     * platform's base URL.
     */
    public static String allowReturnTo(int port) {
        String base = "http://127.0.0.1:" + port;
        var clients = TestTokens.realm().clients();
        ClientRepresentation web = clients.findByClientId("platform-web").get(0);
        List<String> redirects = new ArrayList<>(web.getRedirectUris());
        if (!redirects.contains(base + "/*")) {
            redirects.add(base + "/*");
            web.setRedirectUris(redirects);
            clients.get(web.getId()).update(web);
        }
        return base;
    }

    /**
     * Awaitility, blind to other threads' failures: the shared mail server's handlers may log a broken connection of
     * another client while a journey waits for a page.
     */
    private static org.awaitility.core.ConditionFactory waiting() {
        return await().atMost(PATIENCE).dontCatchUncaughtExceptions();
    }

    /** From the header's ログイン link through Keycloak's login form, back on the platform signed in. */
    public static void signIn(Browser browser, String base, String username, String password) {
        browser.find("a[href='/oauth2/authorization/keycloak']").click();
        waiting().until(() -> !browser.all("#username").isEmpty());
        assertThat(browser.driver().getCurrentUrl()).startsWith(TestTokens.issuer());
        browser.screenshot("keycloak-login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#kc-login").click();
        waiting().until(() -> browser.driver().getCurrentUrl().startsWith(base));
        assertThat(browser.find(".account__name").getText()).contains("さん");
    }

    /** The header's ログアウト button: ends the platform's session and Keycloak's. */
    public static void signOut(Browser browser, String base) {
        browser.find("form[action='/sign-out'] button").click();
        waiting().until(() -> browser.driver().getCurrentUrl().startsWith(base)
                && browser.all(".account__name").isEmpty());
    }
}
