package jp.kodoku.platform.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in links that open something without a sign-in (an applicant's status page, a public registrant's
 * page, a personal feed): 256 random bits, URL-safe; the platform keeps only their SHA-256, so a leaked read model,
 * table or event store opens nothing.
 */
public final class SecretLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretLinks() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
