package jp.kodoku.platform.gateway.clients.api;

import java.security.SecureRandom;

/**
 * Identifies a third-party app: the {@code client_id} of its Keycloak client, which its tokens carry as {@code azp}.
 * Drawn by the platform rather than chosen by the secretariat, so that it never collides with the realm's own clients.
 */
public record ApiClientId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    public static ApiClientId random() {
        StringBuilder id = new StringBuilder("app-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new ApiClientId(id.toString());
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
