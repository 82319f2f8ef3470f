package jp.kodoku.platform.webhooks.api;

/** Command (the subscription's client): stop for good; deliveries not yet made are dropped. */
public record DeleteWebhookSubscription(String subscriptionId, String clientId) {
}
