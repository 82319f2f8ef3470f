package jp.kodoku.platform.gateway.ratelimit;

import java.time.Duration;

/**
 * A budget of {@code calls} per {@code period}, refilled evenly: a caller may burst up to the whole budget and then
 * goes on at its rate.
 *
 * @param name what is limited; buckets of different limits never share a key
 */
public record RateLimit(String name, int calls, Duration period) {

    public RateLimit {
        if (calls < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one call per positive period");
        }
    }

    /**
     * The bucket's key: the limit's whole definition is in it, so a changed budget (a client's new rate, a new
     * setting) starts a fresh, full bucket instead of living on in one made for the old budget.
     */
    String bucketKey(String caller) {
        return name + "/" + calls + "/" + period.toSeconds() + "s/" + caller;
    }
}
