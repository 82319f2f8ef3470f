package jp.kodoku.platform.infra.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's gauges per kind (docs/operations.md): {@code platform_outbox_depth_rows{kind}} (pending rows, due or
 * waiting for a retry), {@code platform_outbox_oldest_age_seconds{kind}} (how long the oldest due row has waited
 * since it became due: 0 when nothing is due) and {@code platform_outbox_failed_rows{kind}} (given up, waiting for
 * someone). Read from the table every {@value #EVERY_SECONDS} s with one grouped query, not on every scrape; every
 * node reports the same figures (one shared table), so alert on the maximum over nodes.
 */
class OutboxMetrics implements DisposableBean {

    private static final long EVERY_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge depth;
    private final MultiGauge oldestAge;
    private final MultiGauge failed;
    /** Every kind this node handles or has seen rows of: each reports 0 rather than vanishing once its rows are done. */
    private final java.util.Set<String> kindsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-metrics");
        thread.setDaemon(true);
        return thread;
    });

    OutboxMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry, java.util.Collection<String> handledKinds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kindsSeen.addAll(handledKinds);
        this.depth = MultiGauge.builder("platform.outbox.depth").baseUnit("rows")
                               .description("Outbox rows not yet done (due, or waiting for a retry)").register(registry);
        this.oldestAge = MultiGauge.builder("platform.outbox.oldest.age").baseUnit("seconds")
                                   .description("How long the oldest due outbox row has been waiting").register(registry);
        this.failed = MultiGauge.builder("platform.outbox.failed").baseUnit("rows")
                                .description("Outbox rows given up after their last attempt").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** A failed read (database away) keeps the last figures. */
    void refresh() {
        try {
            Instant now = clock.instant();
            Map<String, Number> depthByKind = new HashMap<>();
            Map<String, Number> ageByKind = new HashMap<>();
            Map<String, Number> failedByKind = new HashMap<>();
            jdbc.query("SELECT kind, "
                       + "SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), "
                       + "MIN(CASE WHEN state = 'pending' AND next_attempt_at <= ? THEN next_attempt_at END), "
                       + "SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) "
                       + "FROM outbox WHERE state <> 'done' GROUP BY kind",
                       row -> {
                           String kind = row.getString(1);
                           Timestamp oldestDue = row.getTimestamp(3);
                           depthByKind.put(kind, row.getLong(2));
                           ageByKind.put(kind, oldestDue == null ? 0
                                   : Math.max(0, Duration.between(oldestDue.toInstant(), now).toMillis() / 1000.0));
                           failedByKind.put(kind, row.getLong(4));
                       },
                       Timestamp.from(now));
            kindsSeen.addAll(depthByKind.keySet());
            depth.register(rows(depthByKind), true);
            oldestAge.register(rows(ageByKind), true);
            failed.register(rows(failedByKind), true);
        } catch (RuntimeException e) {
            log.warn("could not read the outbox for its metrics: {}", e.toString());
        }
    }

    /** One row per kind seen: a kind whose rows are all done reads 0 rather than vanishing, so an alert resolves. */
    private List<MultiGauge.Row<?>> rows(Map<String, Number> byKind) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String kind : kindsSeen) {
            rows.add(MultiGauge.Row.of(Tags.of("kind", kind), byKind.getOrDefault(kind, 0)));
        }
        return rows;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
