package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remembering around the real verifier (NimbusJwtDecoder with Keycloak's keys, exercised by TokenValidationTest
 * and KeyRotationTest); here a verifier that records its calls and answers as told.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final List<String> verified = new ArrayList<>();
    private final MovableClock clock = new MovableClock(NOW);

    private VerifiedTokens tokens(JwtDecoder verifier) {
        return new VerifiedTokens(token -> {
            verified.add(token);
            return verifier.decode(token);
        }, clock, SKEW);
    }

    private static Jwt expiringAt(String token, Instant expiry) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("lifelink-admin")
                  .issuedAt(expiry.minus(Duration.ofMinutes(5))).expiresAt(expiry).build();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRecognizedUntilItExpires() {
        VerifiedTokens tokens = tokens(token -> expiringAt(token, NOW.plus(Duration.ofMinutes(5))));

        Jwt first = tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(4));
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("token-a");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndSoRefused() {
        VerifiedTokens tokens = tokens(token -> {
            if (clock.instant().isAfter(NOW.plus(Duration.ofMinutes(5)).plus(SKEW))) {
                throw new BadJwtException("Jwt expired");
            }
            return expiringAt(token, NOW.plus(Duration.ofMinutes(5)));
        });
        tokens.decode("token-a");

        clock.advance(Duration.ofMinutes(5).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens(token -> {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        });

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void tokensAreRememberedByTheirExactText() {
        VerifiedTokens tokens = tokens(token -> expiringAt(token, NOW.plus(Duration.ofMinutes(5))));

        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-a");

        assertThat(verified).containsExactly("token-a", "token-b");
    }
}
