package jp.kodoku.platform.webhooks.api;

import java.time.Instant;
import java.util.List;

/**
 * A page of the delivery log; {@code nextCursor} is null on the last page. The log reaches back {@code keptFor} (the
 * retention, an ISO-8601 duration) from now, so attempts before {@code keptSince} are gone (those of deliveries still
 * pending excepted).
 */
public record WebhookDeliveryPage(List<WebhookDeliveryAttempt> items, String nextCursor, String keptFor,
                                  Instant keptSince) {
}
