package jp.kodoku.platform.webhooks.api;

/** Query: a client's subscriptions, oldest first. */
public record ListWebhookSubscriptions(String clientId) {
}
