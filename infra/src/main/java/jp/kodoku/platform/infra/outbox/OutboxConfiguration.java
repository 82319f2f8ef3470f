package jp.kodoku.platform.infra.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/** The outbox (DESIGN.md §10): {@link Outbox} to enqueue, {@link OutboxWorker} to hand rows to their handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** Payloads as JSON with the event store's mapper: ISO dates, unknown fields ignored when read back. */
    static final ObjectMapper PAYLOADS = EventStoreConfiguration.eventMapper();

    private final OutboxSignal signal = new OutboxSignal();

    @Bean
    Outbox outbox(JdbcTemplate jdbc) {
        return new Outbox(jdbc, PAYLOADS, signal, Clock.systemUTC());
    }

    @Bean
    OutboxWorker outboxWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              OutboxProperties properties, ObjectProvider<OutboxHandler<?>> handlers) {
        return new OutboxWorker(jdbc, new TransactionTemplate(transactionManager), PAYLOADS, signal, Clock.systemUTC(),
                                properties, handlers.orderedStream().toList());
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry,
                                ObjectProvider<OutboxHandler<?>> handlers) {
        return new OutboxMetrics(jdbc, Clock.systemUTC(), registry.getIfAvailable(SimpleMeterRegistry::new),
                                 handlers.orderedStream().map(OutboxHandler::kind).toList());
    }

    /** Removes done rows older than {@code platform.outbox.keep-done}, once an hour, on one node. */
    @Bean
    RecurringTask<Void> outboxHousekeeping(JdbcTemplate jdbc, OutboxProperties properties) {
        return Tasks.recurring("platform.outbox-housekeeping", FixedDelay.ofHours(1))
                    .execute((instance, context) -> jdbc.update(
                            "DELETE FROM outbox WHERE state = 'done' AND updated_at < ?",
                            Timestamp.from(Clock.systemUTC().instant().minus(properties.keepDone()))));
    }
}
