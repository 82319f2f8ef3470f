package jp.kodoku.platform.webhooks.api;

import java.util.List;

/** A page of the delivery log; {@code nextCursor} is null on the last page. */
public record WebhookDeliveryPage(List<WebhookDeliveryAttempt> items, String nextCursor) {
}
