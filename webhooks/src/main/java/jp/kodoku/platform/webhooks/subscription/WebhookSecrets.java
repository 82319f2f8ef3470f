package jp.kodoku.platform.webhooks.subscription;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** New signing secrets in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String newSubscriptionId() {
        return "whs-" + UUID.randomUUID();
    }
}
