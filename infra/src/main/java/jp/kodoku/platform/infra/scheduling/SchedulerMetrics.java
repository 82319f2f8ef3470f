package jp.kodoku.platform.infra.scheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code platform_scheduler_overdue_executions}: executions of timed work that were due more than a minute ago and no
 * node has picked (every scheduler stopped, or all its threads busy), read every {@value #EVERY_SECONDS} s from the
 * shared table. db-scheduler's own metrics count what ran; this counts what did not.
 */
class SchedulerMetrics implements DisposableBean {

    private static final long EVERY_SECONDS = 15;
    private static final Duration LATE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SchedulerMetrics.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong overdue = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "scheduler-metrics");
        thread.setDaemon(true);
        return thread;
    });

    SchedulerMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("platform.scheduler.overdue", overdue, AtomicLong::get).baseUnit("executions")
             .description("Timed work due more than a minute ago that no node has picked").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = FALSE AND execution_time < ?",
                                             Long.class, Timestamp.from(Instant.now().minus(LATE)));
            overdue.set(count == null ? 0 : count);
        } catch (RuntimeException e) {
            log.warn("could not read the scheduled tasks for their metric: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
