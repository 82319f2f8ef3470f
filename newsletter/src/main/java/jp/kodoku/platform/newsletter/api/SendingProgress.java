package jp.kodoku.platform.newsletter.api;

import java.time.Instant;
import java.util.List;

/**
 * How far an issue's sending has come: one row per recipient, written when it started (recipients, deduplicated by
 * address), each pending until the mail server accepted its mail ({@code sent}) or it was given up ({@code failed},
 * with the reason). A recipient who left the list or was erased meanwhile is removed from the pending ones.
 * {@code ratePerSecond} is the average since the start; {@code estimatedEnd} is null once nothing is pending.
 */
public record SendingProgress(int recipients, long sent, long failed, long pending, Instant startedAt,
                              Instant finishedAt, double ratePerSecond, Instant estimatedEnd,
                              List<FailedRecipient> failures) {

    /** A recipient given up: the subscription and the last error (the mail server's answer). */
    public record FailedRecipient(SubscriptionId subscriptionId, String reason) {
    }
}
