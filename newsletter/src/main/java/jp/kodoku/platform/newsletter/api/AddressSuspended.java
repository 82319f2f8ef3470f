package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;

import java.time.Instant;

/**
 * Event: the subscriber's address gets no more issues until the secretariat lifts the suspension, because of the
 * bounce named here (a hard one, or the soft one past the limit).
 *
 * @param softBounces the soft bounces counted in the window when the last one made the limit; 0 for a hard bounce
 */
public record AddressSuspended(SubscriptionId subscriptionId, BounceKind kind, String status, SealedValue diagnostic,
                               IssueId issueId, int softBounces, Instant at) {
}
