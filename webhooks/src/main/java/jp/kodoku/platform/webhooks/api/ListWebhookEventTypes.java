package jp.kodoku.platform.webhooks.api;

/** Query: every event type a client may subscribe to, with the scope it needs. */
public record ListWebhookEventTypes() {
}
