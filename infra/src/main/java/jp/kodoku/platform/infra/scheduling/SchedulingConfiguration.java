package jp.kodoku.platform.infra.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Timed work (DESIGN.md §10) on db-scheduler: its Spring Boot starter builds the scheduler from every {@code Task}
 * bean and the platform's {@code DataSource}; the table {@code scheduled_tasks} is created by Flyway
 * ({@code V2_2__scheduled_tasks.sql}). Every node runs a scheduler; an execution is picked by one node only (an
 * optimistic update of the row's version), and a node that dies mid-execution loses it to another node once its
 * heartbeats stop.
 *
 * <p>How a module uses it (docs/architecture.md, "Timed work"): declare the task as a bean,
 * <pre>{@code
 * @Bean
 * OneTimeTask<ReminderDue> eventReminder(Reminders reminders) {
 *     return Tasks.oneTime("events.reminder", ReminderDue.class)
 *                 .execute((instance, context) -> reminders.send(instance.getData()));
 * }
 * @Bean
 * RecurringTask<Void> bounceCheck(Bounces bounces) {
 *     return Tasks.recurring("newsletter.bounces", FixedDelay.ofMinutes(5)).execute((instance, context) -> bounces.read());
 * }
 * }</pre>
 * and schedule an instance through {@code SchedulerClient} (the scheduler bean), in the caller's transaction when there
 * is one: {@code scheduler.scheduleIfNotExists(eventReminder.instance(registrationId, data), when)}; move it with
 * {@code reschedule(TaskInstanceId.of("events.reminder", registrationId), newTime)}, drop it with {@code cancel(…)}.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    /**
     * Task data as JSON (records welcome) rather than db-scheduler's default Java serialization: readable in the table
     * and tolerant of a field added in a later version. The scheduler's name in {@code picked_by} is the node's name,
     * so the table says which node runs what.
     */
    @Bean
    DbSchedulerCustomizer platformSchedulerCustomizer(@Value("${platform.node-name:}") String nodeName) {
        Serializer json = new JacksonSerializer(EventStoreConfiguration.eventMapper());
        String name = EventStoreConfiguration.nodeId(nodeName);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(json);
            }

            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }
        };
    }
}
