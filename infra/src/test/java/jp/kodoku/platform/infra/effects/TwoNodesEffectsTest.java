package jp.kodoku.platform.infra.effects;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.OutboxState;
import jp.kodoku.platform.infra.outbox.TestHandlers;
import jp.kodoku.platform.infra.scheduling.TestTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL database (DESIGN.md §13; issue 15): each a whole set of the platform's side-effect
 * infrastructure (db-scheduler, the outbox's workers) as the gateway assembles it, in an application context of its
 * own. Work enqueued through either node is done exactly once, and a scheduled task runs once.
 */
class TwoNodesEffectsTest {

    private static final int ROWS = 400;
    private static final int TASKS = 60;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String database = EffectsNode.postgres();
        List<Class<?>> beans = List.of(TestHandlers.class, TestTasks.class);
        nodeA = EffectsNode.start("node-a", database, beans, "--platform.outbox.workers=3");
        nodeB = EffectsNode.start("node-b", database, beans, "--platform.outbox.workers=3");
    }

    @AfterAll
    static void stop() {
        Stream.of(nodeA, nodeB).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
    }

    @BeforeEach
    void forget() {
        TestHandlers.reset();
        TestTasks.RAN.clear();
    }

    @Test
    void every_outbox_row_enqueued_through_either_node_is_handled_exactly_once() {
        // in batches through alternate nodes, as event handlers on both would enqueue them
        for (int batch = 0; batch < ROWS / 50; batch++) {
            ConfigurableApplicationContext node = batch % 2 == 0 ? nodeA : nodeB;
            int first = batch * 50;
            new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                for (int i = first; i < first + 50; i++) {
                    node.getBean(Outbox.class).enqueue("greeting", "two-nodes/" + i, new TestHandlers.Greeting("こんにちは " + i));
                }
            });
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> nodeA.getBean(Outbox.class).progress("greeting", "two-nodes/")
                                                                .get(OutboxState.DONE) == ROWS);
        List<TestHandlers.Handled> handled = List.copyOf(TestHandlers.HANDLED);
        Map<String, Long> timesPerRow = handled.stream().collect(Collectors.groupingBy(TestHandlers.Handled::dedupeKey,
                                                                                        Collectors.counting()));
        assertThat(timesPerRow).hasSize(ROWS);
        assertThat(timesPerRow.values()).as("no row handled twice").containsOnly(1L);
        Map<String, Long> perNode = handled.stream().collect(Collectors.groupingBy(TestHandlers.Handled::node,
                                                                                    Collectors.counting()));
        assertThat(perNode).as("both nodes took part: %s", perNode).containsOnlyKeys("node-a", "node-b");
    }

    @Test
    void a_task_scheduled_through_either_node_runs_once_on_one_of_them() {
        Instant due = Instant.now().plusSeconds(1);
        for (int i = 0; i < TASKS; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            node.getBean(SchedulerClient.class).scheduleIfNotExists(
                    reminderTask(node).instance("reminder-" + i,
                                                new TestTasks.Reminder("R-" + i, LocalDate.of(2027, 5, 10), "リマインダー")),
                    due);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> TestTasks.RAN.size() >= TASKS);
        // and no late second run of any of them
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> TestTasks.RAN.size() == TASKS);
        Map<String, Long> runsPerInstance = TestTasks.RAN.stream().collect(Collectors.groupingBy(TestTasks.Ran::instance,
                                                                                                 Collectors.counting()));
        assertThat(runsPerInstance).hasSize(TASKS);
        assertThat(runsPerInstance.values()).containsOnly(1L);
        // Which node runs them is db-scheduler's choice: on a quiet machine the first to poll after they fall due may
        // pick them all, so only "once, on one of the two" is the rule.
        assertThat(TestTasks.RAN.stream().map(TestTasks.Ran::node).collect(Collectors.toSet()))
                .as("the nodes that ran them").isSubsetOf("node-a", "node-b");
    }

    @Test
    void when_a_node_dies_while_handling_a_row_the_other_node_handles_it_and_only_that_row_is_repeated() {
        ConfigurableApplicationContext enqueuing = nodeA;
        new TransactionTemplate(enqueuing.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            enqueuing.getBean(Outbox.class).enqueue("slow", "in-flight", new TestHandlers.Greeting("送信中"));
            for (int i = 0; i < 20; i++) {
                enqueuing.getBean(Outbox.class).enqueue("greeting", "beside/" + i, new TestHandlers.Greeting("ほか " + i));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> TestHandlers.STARTED.size() == 1);
        // the rows beside it are done meanwhile: only the row in flight is held
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.getBean(Outbox.class).progress("greeting", "beside/")
                                                                .get(OutboxState.DONE) == 20);
        String dyingNode = TestHandlers.STARTED.get(0).node();

        // what the database sees when a node dies mid-send: its session ends, its transaction rolls back, the row's
        // lock goes (the node's worker itself hangs on, as a frozen JVM would)
        JdbcTemplate admin = nodeA.getBean(JdbcTemplate.class);
        List<Integer> killed = admin.queryForList(
                "SELECT DISTINCT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                + "JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'outbox' AND l.mode = 'RowShareLock' "
                + "AND a.state = 'idle in transaction' AND a.pid <> pg_backend_pid()", Integer.class);
        assertThat(killed).as("the one session holding the row").hasSize(1);
        admin.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, killed.get(0));

        await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.getBean(Outbox.class).stateOf("slow", "in-flight")
                                                                .orElseThrow() == OutboxState.DONE);
        TestHandlers.RELEASE_FIRST_SLOW.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestHandlers.HANDLED.stream()
                                                                             .filter(h -> h.dedupeKey().equals("in-flight")).count() == 2);

        Map<String, Long> times = TestHandlers.HANDLED.stream().collect(Collectors.groupingBy(TestHandlers.Handled::dedupeKey,
                                                                                             Collectors.counting()));
        assertThat(times).as("the row in flight was repeated (the dying node's send and the other's), nothing skipped")
                         .containsEntry("in-flight", 2L).hasSize(21);
        assertThat(times.entrySet().stream().filter(e -> !e.getKey().equals("in-flight")).map(Map.Entry::getValue))
                .as("every other row once").containsOnly(1L);
        assertThat(TestHandlers.STARTED).extracting(TestHandlers.Handled::node).first().isEqualTo(dyingNode);
        assertThat(nodeA.getBean(Outbox.class).stateOf("slow", "in-flight")).as("the dead session's late failure changes nothing")
                                                                            .contains(OutboxState.DONE);
    }

    @SuppressWarnings("unchecked")
    private static OneTimeTask<TestTasks.Reminder> reminderTask(ConfigurableApplicationContext node) {
        return node.getBean("reminderTask", OneTimeTask.class);
    }

}
