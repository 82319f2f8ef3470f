package jp.kodoku.platform.webhooks.api;

/**
 * Command (the subscription's client): deliver again after the subscription was disabled. Events of the time it was
 * disabled are not sent by this; ask for a replay from the position the delivery log shows.
 */
public record EnableWebhookSubscription(String subscriptionId, String clientId) {
}
