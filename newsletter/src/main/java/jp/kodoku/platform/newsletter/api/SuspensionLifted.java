package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the secretariat lifted the suspension (the address was fixed); soft bounces are counted afresh from here. */
public record SuspensionLifted(SubscriptionId subscriptionId, Instant at) {
}
