package jp.kodoku.platform.gateway.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jp.kodoku.platform.infra.readmodel.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code platform_projection_lag_events{processor, segment}}: how far each projection's segment is behind the newest
 * event in the store. Read every {@value #EVERY_SECONDS} s from the token store (two small queries), not on every
 * scrape, so several Prometheus servers or a short scrape interval cost the database nothing more. Every node
 * reports the same figures (they are read from the shared token store); alert on the maximum over nodes.
 */
@Component
class ProjectionLagMetrics implements DisposableBean {

    static final String NAME = "platform.projection.lag";
    private static final long EVERY_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ProjectionLagMetrics.class);

    private final Projections projections;
    private final MultiGauge lag;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-lag-metrics");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionLagMetrics(Projections projections, MeterRegistry registry) {
        this.projections = projections;
        this.lag = MultiGauge.builder(NAME)
                             .baseUnit("events")
                             .description("Positions in the event store between a projection segment's token and the newest event")
                             .register(registry);
    }

    /** Started once the processors have their tokens; a failed read (database away) keeps the last figures. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::refresh, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Map.Entry<String, Map<Integer, Long>> processor : projections.behindHead().entrySet()) {
                processor.getValue().forEach((segment, behind) -> rows.add(MultiGauge.Row.of(
                        Tags.of("processor", processor.getKey(), "segment", String.valueOf(segment)), behind)));
            }
            lag.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("could not read the projections' positions for the lag metric: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
