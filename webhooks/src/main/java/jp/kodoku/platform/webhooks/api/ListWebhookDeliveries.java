package jp.kodoku.platform.webhooks.api;

/**
 * Query: the delivery log of one subscription, newest attempt first; {@code cursor} is the {@code nextCursor} of the
 * page before.
 */
public record ListWebhookDeliveries(String subscriptionId, String clientId, String cursor, int limit) {
}
