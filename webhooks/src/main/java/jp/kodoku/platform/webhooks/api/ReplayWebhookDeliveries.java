package jp.kodoku.platform.webhooks.api;

import java.time.Instant;

/**
 * Command (the subscription's client): deliver again every event of the subscription's types at or after a position
 * in the platform's event stream ({@code fromPosition}, the CloudEvent's {@code sequence}) or a time; exactly one of
 * the two. Redeliveries keep the events' ids, so the client can recognize what it already has. Answered with
 * {@link WebhookReplay}.
 */
public record ReplayWebhookDeliveries(String subscriptionId, String clientId, Long fromPosition, Instant fromTime) {
}
