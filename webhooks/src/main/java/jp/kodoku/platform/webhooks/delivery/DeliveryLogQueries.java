package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import jp.kodoku.platform.webhooks.api.InvalidWebhookInput;
import jp.kodoku.platform.webhooks.api.ListWebhookDeliveries;
import jp.kodoku.platform.webhooks.api.WebhookDeliveryAttempt;
import jp.kodoku.platform.webhooks.api.WebhookDeliveryOutcome;
import jp.kodoku.platform.webhooks.api.WebhookDeliveryPage;
import jp.kodoku.platform.webhooks.api.WebhookSubscriptionNotFound;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The delivery log of a subscription, newest attempt first, in pages (the cursor is the last attempt's id), as far back
 * as {@code platform.webhooks.keep-deliveries} reaches ({@link DeliveryHousekeeping}).
 */
@Component
class DeliveryLogQueries {

    static final int MAX_LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final Subscriptions subscriptions;
    private final WebhooksProperties properties;
    private final Clock clock = Clock.systemUTC();

    DeliveryLogQueries(JdbcTemplate jdbc, Subscriptions subscriptions, WebhooksProperties properties) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @QueryHandler
    WebhookDeliveryPage handle(ListWebhookDeliveries query) {
        subscriptions.findOf(query.subscriptionId(), query.clientId())
                     .orElseThrow(() -> new WebhookSubscriptionNotFound(query.subscriptionId()));
        long before = cursor(query.cursor());
        int limit = Math.max(1, Math.min(query.limit(), MAX_LIMIT));
        List<Row> rows = jdbc.query(
                "SELECT a.id, a.event_id, a.event_type, d.global_index, d.origin, a.attempt, a.outcome, "
                + "a.response_status, a.latency_ms, a.error, a.response_excerpt, a.attempted_at "
                + "FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                + "WHERE a.subscription_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?",
                (r, n) -> new Row(r.getLong(1), new WebhookDeliveryAttempt(
                        r.getString(2), r.getString(3), r.getLong(4),
                        Deliveries.LIVE.equals(r.getString(5)) ? null : r.getString(5), r.getInt(6),
                        "delivered".equals(r.getString(7)) ? WebhookDeliveryOutcome.DELIVERED
                                                           : WebhookDeliveryOutcome.FAILED,
                        (Integer) r.getObject(8, Integer.class), r.getLong(9), r.getString(10), r.getString(11),
                        r.getTimestamp(12).toInstant())),
                query.subscriptionId(), before, limit + 1);
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        return new WebhookDeliveryPage(page.stream().map(Row::attempt).toList(),
                                       more ? Long.toString(page.get(page.size() - 1).id()) : null,
                                       properties.keepDeliveries().toString(), clock.instant().minus(properties.keepDeliveries()));
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidWebhookInput(List.of(new FieldViolation("cursor", "is not a cursor this API gave")));
        }
    }

    private record Row(long id, WebhookDeliveryAttempt attempt) {
    }
}
