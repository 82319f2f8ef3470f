package jp.kodoku.platform.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application form is public, so each client address gets a token bucket: {@code per-hour} submissions, refilled
 * evenly. In memory: with several instances behind a load balancer each keeps its own buckets, which only makes the
 * limit looser, never stricter.
 */
@Component
public class ApplicationRateLimiter {

    private final double capacity;
    private final double refillPerMilli;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ApplicationRateLimiter(@Value("${platform.applications.rate-limit.per-hour:20}") int perHour) {
        this.capacity = perHour;
        this.refillPerMilli = perHour / 3_600_000.0;
    }

    public void acquire(String clientAddress) {
        long now = clock.millis();
        if (buckets.size() > 100_000) {
            buckets.clear(); // a flood of addresses must not exhaust memory; forgetting is the safe side
        }
        Bucket bucket = buckets.computeIfAbsent(clientAddress, a -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                long wait = (long) Math.ceil((1 - bucket.tokens) / refillPerMilli / 1000.0);
                throw new TooManyRequests(Math.max(1, wait));
            }
            bucket.tokens -= 1;
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
