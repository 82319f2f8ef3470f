package jp.kodoku.platform.webhooks.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Removes what the delivery log no longer shows: delivered and dropped rows, and attempts, older than
 * {@code platform.webhooks.keep-deliveries} (30 days). A db-scheduler recurring task, {@value #TASK}, once an hour:
 * each execution is picked by one node only. Pending rows and their attempts stay, however old: they are still to go
 * out. Deleted in slices so that no statement holds many locks for long beside the workers.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryHousekeeping {

    static final String TASK = "webhooks.housekeeping";
    private static final int SLICE = 5_000;
    private static final Logger log = LoggerFactory.getLogger(DeliveryHousekeeping.class);

    @Bean
    RecurringTask<Void> webhooksHousekeeping(JdbcTemplate jdbc, WebhooksProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.ofHours(1))
                    .execute((instance, context) -> removeBefore(jdbc,
                            Clock.systemUTC().instant().minus(properties.keepDeliveries())));
    }

    /** Removes the attempts and rows before {@code cutoff}; how many rows (deliveries and attempts) went. */
    static long removeBefore(JdbcTemplate jdbc, Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        // attempts first: an attempt is never newer than its delivery's last change, so a row removed below has none left
        long attempts = inSlices(() -> jdbc.update("DELETE FROM webhook_delivery_attempts WHERE id IN (SELECT a.id FROM "
                + "webhook_delivery_attempts a WHERE a.attempted_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d "
                + "WHERE d.id = a.delivery_id AND d.state = 'pending') LIMIT " + SLICE + ")", before));
        long deliveries = inSlices(() -> jdbc.update("DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM "
                + "webhook_deliveries WHERE state <> 'pending' AND updated_at < ? LIMIT " + SLICE + ")", before));
        if (attempts + deliveries > 0) {
            log.info("Webhooks: removed {} deliveries and {} attempts from before {}", deliveries, attempts, cutoff);
        }
        return attempts + deliveries;
    }

    private static long inSlices(java.util.function.IntSupplier slice) {
        long total = 0;
        int removed;
        do {
            removed = slice.getAsInt();
            total += removed;
        } while (removed == SLICE);
        return total;
    }
}
