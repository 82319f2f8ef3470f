package jp.kodoku.platform.infra.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jp.kodoku.platform.infra.effects.EffectsNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Timed work on db-scheduler, its table made by the platform's migrations, on both databases. */
class ScheduledWorkTest {

    private ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        TestTasks.RAN.clear();
    }

    @SuppressWarnings("unchecked")
    private OneTimeTask<TestTasks.Reminder> reminders() {
        return node.getBean("reminderTask", OneTimeTask.class);
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
    }

    private void start(String database) {
        TestTasks.RAN.clear();
        node = EffectsNode.start("node-a", "h2".equals(database) ? EffectsNode.h2() : EffectsNode.postgres(),
                                 List.of(TestTasks.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_task_scheduled_for_later_runs_then_with_its_data(String database) {
        start(database);
        SchedulerClient scheduler = node.getBean(SchedulerClient.class);
        TestTasks.Reminder data = new TestTasks.Reminder("R-1", LocalDate.of(2027, 5, 10), "強化月間 キックオフ");

        transaction().executeWithoutResult(tx -> scheduler.scheduleIfNotExists(
                reminders().instance("R-1", data), Instant.now().plusMillis(500)));

        await().atMost(Duration.ofSeconds(15)).until(() -> TestTasks.RAN.size() == 1);
        assertThat(TestTasks.RAN.get(0).instance()).isEqualTo("R-1");
        assertThat(TestTasks.RAN.get(0).data()).isEqualTo(data);
        assertThat(node.getBean(JdbcTemplate.class)
                       .queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'test.reminder'", Integer.class))
                .as("a one-time task's row goes once it ran").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void scheduling_in_a_transaction_that_rolls_back_schedules_nothing_and_a_cancelled_task_never_runs(String database) {
        start(database);
        SchedulerClient scheduler = node.getBean(SchedulerClient.class);
        TestTasks.Reminder data = new TestTasks.Reminder("R-2", LocalDate.of(2027, 5, 10), "取り消される");

        assertThatThrownBy(() -> transaction().executeWithoutResult(tx -> {
            scheduler.scheduleIfNotExists(reminders().instance("R-2", data), Instant.now());
            throw new IllegalStateException("the registration failed");
        })).isInstanceOf(IllegalStateException.class);
        transaction().executeWithoutResult(tx -> scheduler.scheduleIfNotExists(
                reminders().instance("R-3", data), Instant.now().plusSeconds(1)));
        transaction().executeWithoutResult(tx -> scheduler.cancel(TaskInstanceId.of("test.reminder", "R-3")));
        transaction().executeWithoutResult(tx -> scheduler.scheduleIfNotExists(
                reminders().instance("R-4", data), Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(15)).until(() -> TestTasks.RAN.size() == 1);
        assertThat(TestTasks.RAN).extracting(TestTasks.Ran::instance).containsExactly("R-4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void scheduling_the_same_instance_twice_runs_it_once(String database) {
        start(database);
        SchedulerClient scheduler = node.getBean(SchedulerClient.class);
        TestTasks.Reminder data = new TestTasks.Reminder("R-5", LocalDate.of(2027, 5, 10), "一度だけ");

        boolean first = scheduler.scheduleIfNotExists(reminders().instance("R-5", data), Instant.now().plusMillis(500));
        boolean second = scheduler.scheduleIfNotExists(reminders().instance("R-5", data), Instant.now().plusMillis(500));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> TestTasks.RAN.size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> TestTasks.RAN.size() == 1);
    }
}
