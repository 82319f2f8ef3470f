package jp.kodoku.platform.gateway.security;

import com.nimbusds.jwt.SignedJWT;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.JwksRelay;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keycloak's signing keys are cached by the platform, and a key rotation is picked up without a restart. */
class KeyRotationTest extends ApiTest {

    @Test
    void keys_are_cached_and_a_rotated_key_is_accepted_without_a_restart() throws Exception {
        String before = TestTokens.secretariat();
        assertThat(api.get("/api/v1/organizations").token(before).send().status()).isEqualTo(200);
        int fetchesBefore = JwksRelay.fetches();
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/v1/organizations").token(TestTokens.secretariat()).send().status()).isEqualTo(200);
        }
        assertThat(JwksRelay.fetches()).as("keys fetched while validating 20 tokens").isEqualTo(fetchesBefore);

        rotateSigningKey();
        String after = TestTokens.newSecretariatToken();
        assertThat(kid(after)).as("Keycloak signs with the new key").isNotEqualTo(kid(before));

        // Nimbus refetches the key set when it meets an unknown key id, at most once per 30 s.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
               .until(() -> api.get("/api/v1/organizations").token(after).send().status() == 200);
        assertThat(JwksRelay.fetches()).isGreaterThan(fetchesBefore);
        assertThat(api.get("/api/v1/organizations").token(before).send().status())
                .as("tokens signed with the previous key stay valid until they expire").isEqualTo(200);
    }

    /** A new RSA key with a higher priority than the realm's: Keycloak signs with it from now on. */
    private static void rotateSigningKey() {
        ComponentRepresentation key = new ComponentRepresentation();
        key.setName("rotated-" + System.nanoTime());
        key.setProviderId("rsa-generated");
        key.setProviderType("org.keycloak.keys.KeyProvider");
        key.setParentId(TestTokens.realm().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put("priority", List.of(Long.toString(1000 + System.currentTimeMillis() % 100_000)));
        config.put("algorithm", List.of("RS256"));
        key.setConfig(config);
        TestTokens.realm().components().add(key).close();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
