package jp.kodoku.platform.webhooks.api;

/** An event type of the catalogue: its CloudEvents {@code type}, the scope a client needs for it, what it means. */
public record WebhookEventType(String type, String scope, String description) {
}
