package jp.kodoku.platform.webhooks.api;

/** Query: one of the client's subscriptions (another client's is not found). */
public record FindWebhookSubscription(String subscriptionId, String clientId) {
}
