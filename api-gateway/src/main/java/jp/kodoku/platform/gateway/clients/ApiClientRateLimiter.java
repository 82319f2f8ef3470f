package jp.kodoku.platform.gateway.clients;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API client: {@code ratePerMinute} calls, refilled evenly, so a client may burst up to its
 * rate and then goes on at its rate. In memory: with several instances each keeps its own buckets, which only makes
 * the limit looser, never stricter. Keys are client ids from signed tokens, so nobody can flood the map.
 */
@Component
class ApiClientRateLimiter {

    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    ApiClientRateLimiter() {
        this(Clock.systemUTC());
    }

    ApiClientRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one call from the client's bucket: empty when allowed, else the seconds to wait. */
    OptionalLong acquire(String clientId, int ratePerMinute) {
        long now = clock.millis();
        Bucket bucket = buckets.compute(clientId, (id, known) ->
                known == null || known.capacity != ratePerMinute ? new Bucket(ratePerMinute, now) : known);
        synchronized (bucket) {
            double refillPerMilli = ratePerMinute / 60_000.0;
            bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                long wait = (long) Math.ceil((1 - bucket.tokens) / refillPerMilli / 1000.0);
                return OptionalLong.of(Math.max(1, wait));
            }
            bucket.tokens -= 1;
            return OptionalLong.empty();
        }
    }

    private static final class Bucket {
        final int capacity;
        double tokens;
        long updatedAt;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updatedAt = now;
        }
    }
}
