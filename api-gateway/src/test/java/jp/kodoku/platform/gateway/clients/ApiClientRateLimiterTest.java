package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.gateway.ratelimit.RateLimiter;
import jp.kodoku.platform.gateway.support.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ApiClientRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-04-01T00:00:00Z"));
    private final ApiClientRateLimiter limiter = new ApiClientRateLimiter(RateLimiter.inMemory(clock));

    @Test
    void a_client_may_burst_up_to_its_rate_and_is_then_told_how_long_to_wait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("app-a", 3)).isEmpty();
        }
        assertThat(limiter.acquire("app-a", 3)).isEqualTo(OptionalLong.of(20)); // one call per 20 s at 3 per minute
    }

    @Test
    void calls_come_back_at_the_clients_rate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("app-a", 3);
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("app-a", 3)).isEmpty();
        assertThat(limiter.acquire("app-a", 3)).isPresent();
    }

    @Test
    void each_client_has_its_own_bucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("app-a", 3);
        }
        assertThat(limiter.acquire("app-b", 3)).isEmpty();
    }
}
