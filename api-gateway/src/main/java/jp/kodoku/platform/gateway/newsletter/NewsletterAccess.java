package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of the newsletter anyone may call without a token: subscribing (double opt-in), confirming with the mailed
 * link's token, and unsubscribing with a mail's token (RFC 8058 one-click; the token is the credential). The consent
 * ledger is the secretariat's ({@link jp.kodoku.platform.gateway.security.Access} in the controller).
 */
@Configuration(proxyBeanMethods = false)
class NewsletterAccess {

    @Bean
    PublicPaths newsletterPublicSubscriptions() {
        return PublicPaths.post("/api/v1/newsletter/subscriptions", "/api/v1/newsletter/subscriptions/*/confirmation",
                "/api/v1/newsletter/unsubscribe/*");
    }

    @Bean
    PublicPages newsletterConfirmationPage() {
        return PublicPages.get("/newsletter/subscriptions/*/confirm");
    }

    @Bean
    PublicPages newsletterConfirmationForm() {
        return PublicPages.post("/newsletter/subscriptions/*/confirm");
    }
}
