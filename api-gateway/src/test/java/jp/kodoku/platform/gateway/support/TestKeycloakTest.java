package jp.kodoku.platform.gateway.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite signs the demo users in over and over; Keycloak must never refuse one of those logins for a reason a
 * test did not cause. Before the test Keycloak allowed concurrent logins it refused 7 of 200 logins made one after
 * the other, and 8 of this test's 108, as "Invalid user credentials" (see LocalKeycloak).
 */
class TestKeycloakTest {

    @Test
    void the_secretariat_may_sign_in_many_times_in_a_row_and_at_once() {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            signIn(refused);
        }
        IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> signIn(refused)))
                 .toList().forEach(CompletableFuture::join);

        assertThat(refused).isEmpty();
    }

    private static void signIn(List<String> refused) {
        try {
            TestTokens.secretariat();
        } catch (IllegalStateException e) {
            synchronized (refused) {
                refused.add(e.getMessage());
            }
        }
    }
}
