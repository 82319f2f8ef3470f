package jp.kodoku.platform.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs real JWTs with a real RSA key and publishes its JWK set over HTTP on loopback, so the platform validates
 * tokens exactly as it does against Keycloak: signature via JWKS, issuer, audience, expiry.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1/realms/platform";
    public static final String AUDIENCE = "platform-api";

    private static final RSAKey KEY = generate("test-key-1");
    private static final RSAKey STRANGER = generate("test-key-1");
    private static final HttpServer JWKS = serve();

    private TestTokens() {
    }

    public static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs";
    }

    public static String secretariat() {
        return token("jimukyoku-tanaka", List.of("secretariat"), null, Duration.ofMinutes(5), KEY, ISSUER, AUDIENCE);
    }

    public static String memberAdmin(String organizationId) {
        return token("admin-" + organizationId.substring(0, 8), List.of("member-admin"), organizationId,
                Duration.ofMinutes(5), KEY, ISSUER, AUDIENCE);
    }

    public static String expired() {
        return token("jimukyoku-tanaka", List.of("secretariat"), null, Duration.ofMinutes(-5), KEY, ISSUER, AUDIENCE);
    }

    public static String signedByAnotherKey() {
        return token("jimukyoku-tanaka", List.of("secretariat"), null, Duration.ofMinutes(5), STRANGER, ISSUER, AUDIENCE);
    }

    public static String forAnotherAudience() {
        return token("jimukyoku-tanaka", List.of("secretariat"), null, Duration.ofMinutes(5), KEY, ISSUER, "other-api");
    }

    public static String fromAnotherIssuer() {
        return token("jimukyoku-tanaka", List.of("secretariat"), null, Duration.ofMinutes(5), KEY,
                "http://127.0.0.1/realms/other", AUDIENCE);
    }

    private static String token(String user, List<String> roles, String organizationId, Duration validFor, RSAKey key,
                                String issuer, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString())
                .audience(audience)
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles));
        if (organizationId != null) {
            claims.claim("organization_id", organizationId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
