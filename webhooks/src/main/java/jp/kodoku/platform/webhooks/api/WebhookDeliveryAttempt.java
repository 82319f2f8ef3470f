package jp.kodoku.platform.webhooks.api;

import java.time.Instant;

/**
 * One attempt to deliver one event.
 *
 * @param position        the event's position in the platform's event stream (replay from here)
 * @param replayId        null for the first delivery, else the replay that redelivered it
 * @param responseStatus  the receiver's HTTP status, null when none came (refused connection, timeout)
 * @param responseExcerpt the first characters of the receiver's answer, never more
 */
public record WebhookDeliveryAttempt(String eventId, String eventType, long position, String replayId, int attempt,
                                     WebhookDeliveryOutcome outcome, Integer responseStatus, long latencyMillis,
                                     String error, String responseExcerpt, Instant attemptedAt) {
}
