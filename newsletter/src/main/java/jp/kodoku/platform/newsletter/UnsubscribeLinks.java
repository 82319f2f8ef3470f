package jp.kodoku.platform.newsletter;

import jp.kodoku.platform.newsletter.api.SubscriptionId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The per-recipient token of the unsubscribe link and of the one-click POST (RFC 8058), which work without signing
 * in: the subscription's id with its HMAC-SHA256 under the platform's newsletter key. Unguessable without the key,
 * nothing stored per recipient (a member's contact has no subscription until it leaves), the same on every node.
 */
public final class UnsubscribeLinks {

    private final Supplier<byte[]> key;

    /** @param key the secret (at least 32 bytes), read when first needed */
    public UnsubscribeLinks(Supplier<byte[]> key) {
        this.key = key;
    }

    public String token(SubscriptionId subscription) {
        return subscription.value() + "." + mac(subscription.value());
    }

    /** The subscription the token was made for, or empty for a token this key did not make. */
    public Optional<SubscriptionId> subscriptionOf(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = mac(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(new SubscriptionId(id)) : Optional.empty();
    }

    private String mac(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                         .encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
