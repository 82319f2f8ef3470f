package jp.kodoku.platform.webhooks.api;

/** A replay that was enqueued: its id (in the delivery log) and how many events it redelivers. */
public record WebhookReplay(String replayId, String subscriptionId, int events) {
}
