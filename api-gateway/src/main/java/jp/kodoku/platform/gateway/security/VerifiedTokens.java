package jp.kodoku.platform.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens already verified, by their exact text, until they expire: a client sends the same token with every
 * request for its whole life, and checking its RSA signature and parsing it again each time was the largest single
 * cost of a directory search left (docs/performance.md). Expiry is checked on every use, with the same tolerance as
 * the full check; a token that fails the check is never remembered.
 *
 * <p>What changes: a signing key withdrawn from Keycloak stops tokens already seen only when they expire (at most the
 * realm's token life, 5 minutes), not at the next key-set refresh.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000).build();

    VerifiedTokens(JwtDecoder verifier, Clock clock, Duration clockSkew) {
        this.verifier = verifier;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null
                && clock.instant().isBefore(known.getExpiresAt().plus(clockSkew))) {
            return known;
        }
        verified.invalidate(token);
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
