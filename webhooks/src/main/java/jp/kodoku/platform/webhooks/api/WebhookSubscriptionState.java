package jp.kodoku.platform.webhooks.api;

public enum WebhookSubscriptionState {
    ACTIVE,
    /** Nothing is delivered: its deliveries failed for too long, or its client was revoked (see the reason). */
    DISABLED
}
