package jp.kodoku.platform.webhooks.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, "Signature scheme"): HMAC-SHA256 with the secret's
 * bytes (the base64 after {@code whsec_}) over {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as
 * {@code v1,<base64>}; several (during a secret's rotation) separated by spaces.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    /** One per thread: looking the algorithm up among the providers costs more than signing a small body. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header: one {@code v1,…} per secret. */
    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, id, timestampSeconds, body))
                      .collect(Collectors.joining(" "));
    }

    /** One signature, base64 without the {@code v1,}. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        String base64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(base64);
    }
}
