package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the subscriber left the list, this way, at this time. */
public record Unsubscribed(SubscriptionId subscriptionId, UnsubscribeChannel how, Instant at) {
}
