package jp.kodoku.platform.newsletter.api;

/** Event: the subscriber's address was erased on request; the key that sealed it is gone. */
public record SubscriberPersonalDataErased(SubscriptionId subscriptionId, String reason) {
}
