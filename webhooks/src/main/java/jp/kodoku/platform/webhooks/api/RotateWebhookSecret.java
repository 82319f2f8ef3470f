package jp.kodoku.platform.webhooks.api;

/**
 * Command (the subscription's client): a new signing secret. Deliveries carry signatures by both secrets until
 * {@code overlapHours} have passed (0 drops the old one at once), so the receiver can switch without losing any.
 */
public record RotateWebhookSecret(String subscriptionId, String clientId, Integer overlapHours) {
}
