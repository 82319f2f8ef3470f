package jp.kodoku.platform.webhooks.api;

public enum WebhookDeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Anything else: it is tried again later, with back-off. */
    FAILED
}
