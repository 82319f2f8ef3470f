package jp.kodoku.platform.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The application form is public, so each client address has a budget: {@code per-hour} submissions. */
@Component
public class ApplicationRateLimiter {

    private final RateLimit limit;
    private final RateLimiter limiter;

    public ApplicationRateLimiter(@Value("${platform.applications.rate-limit.per-hour:20}") int perHour,
                                  RateLimiter limiter) {
        this.limit = new RateLimit("applications", perHour, Duration.ofHours(1));
        this.limiter = limiter;
    }

    public void acquire(String clientAddress) {
        limiter.acquire(limit, clientAddress).ifPresent(wait -> {
            throw new TooManyRequests(wait);
        });
    }
}
