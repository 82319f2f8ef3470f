package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.gateway.ratelimit.RateLimit;
import jp.kodoku.platform.gateway.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One budget per API client: {@code ratePerMinute} calls, refilled evenly, so a client may burst up to its rate and
 * then goes on at its rate. Keys are client ids from signed tokens, so nobody can flood the buckets.
 */
@Component
class ApiClientRateLimiter {

    private final RateLimiter limiter;

    ApiClientRateLimiter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Takes one call from the client's bucket: empty when allowed, else the seconds to wait. */
    OptionalLong acquire(String clientId, int ratePerMinute) {
        return limiter.acquire(new RateLimit("api-clients", ratePerMinute, Duration.ofMinutes(1)), clientId);
    }
}
