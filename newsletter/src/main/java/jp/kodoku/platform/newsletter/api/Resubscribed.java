package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: a member organization's contact who had left receives the newsletter again, by this consent. */
public record Resubscribed(SubscriptionId subscriptionId, ConsentChannel how, String wordingVersion, Instant at) {
}
