package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the subscriber followed the mailed link; from now on the newsletter is sent to the address. */
public record SubscriptionConfirmed(SubscriptionId subscriptionId, Instant confirmedAt) {
}
