package jp.kodoku.platform.infra.outbox;

import jp.kodoku.platform.infra.effects.EffectsNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox's rules, on the embedded database and on PostgreSQL alike. */
class OutboxTest {

    private ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        TestHandlers.reset();
    }

    private void start(String database, String... more) {
        TestHandlers.reset();
        node = EffectsNode.start("node-a", "h2".equals(database) ? EffectsNode.h2() : EffectsNode.postgres(),
                                 List.of(TestHandlers.class), more);
    }

    private Outbox outbox() {
        return node.getBean(Outbox.class);
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
    }

    private JdbcTemplate jdbc() {
        return node.getBean(JdbcTemplate.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void the_same_work_enqueued_twice_is_one_row_handled_once(String database) {
        start(database);

        boolean first = transaction().execute(tx -> outbox().enqueue("greeting", "welcome/org-1", new TestHandlers.Greeting("ようこそ")));
        boolean second = transaction().execute(tx -> outbox().enqueue("greeting", "welcome/org-1", new TestHandlers.Greeting("ようこそ")));

        assertThat(first).isTrue();
        assertThat(second).as("an at-least-once event handler enqueuing again").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().stateOf("greeting", "welcome/org-1")
                                                                   .orElseThrow() == OutboxState.DONE);
        assertThat(TestHandlers.HANDLED).extracting(TestHandlers.Handled::dedupeKey).containsExactly("welcome/org-1");
        assertThat(TestHandlers.HANDLED.get(0).payload()).isEqualTo("ようこそ");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM outbox", Integer.class)).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void work_enqueued_in_a_transaction_that_rolls_back_never_happens(String database) {
        start(database);

        assertThatThrownBy(() -> transaction().executeWithoutResult(tx -> {
            outbox().enqueue("greeting", "rolled-back", new TestHandlers.Greeting("届かない"));
            throw new IllegalStateException("the caller's work failed");
        })).isInstanceOf(IllegalStateException.class);
        transaction().execute(tx -> outbox().enqueue("greeting", "committed", new TestHandlers.Greeting("届く")));

        await().atMost(Duration.ofSeconds(10)).until(() -> TestHandlers.HANDLED.size() == 1);
        assertThat(TestHandlers.HANDLED).extracting(TestHandlers.Handled::dedupeKey).containsExactly("committed");
        assertThat(outbox().stateOf("greeting", "rolled-back")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void work_committed_on_this_node_is_handled_at_once_not_at_the_next_poll(String database) {
        start(database, "--platform.outbox.poll-interval=1h");
        // the workers' first look at the empty table is over; from now on only a wake-up can make them look again
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);

        transaction().execute(tx -> outbox().enqueue("greeting", "prompt", new TestHandlers.Greeting("すぐに")));

        await().atMost(Duration.ofSeconds(5)).until(() -> TestHandlers.HANDLED.size() == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_failed_attempt_is_retried_with_back_off_and_done_once_it_succeeds(String database) {
        start(database);

        transaction().execute(tx -> outbox().enqueue("flaky", "twice", new TestHandlers.Flaky("twice", 2, false)));

        await().atMost(Duration.ofSeconds(15)).until(() -> outbox().stateOf("flaky", "twice").orElseThrow() == OutboxState.DONE);
        assertThat(TestHandlers.HANDLED).extracting(TestHandlers.Handled::attempt).containsExactly(3);
        Map<String, Object> row = jdbc().queryForMap("SELECT attempts, last_error FROM outbox WHERE dedupe_key = 'twice'");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("last_error")).as("cleared once done").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void work_that_keeps_failing_is_marked_failed_after_the_last_attempt_with_its_error_and_can_be_retried(String database) {
        start(database, "--platform.outbox.max-attempts=3");

        transaction().execute(tx -> outbox().enqueue("flaky", "always", new TestHandlers.Flaky("always", 3, false)));

        await().atMost(Duration.ofSeconds(15)).until(() -> outbox().stateOf("flaky", "always").orElseThrow() == OutboxState.FAILED);
        Map<String, Object> row = jdbc().queryForMap("SELECT id, attempts, last_error FROM outbox WHERE dedupe_key = 'always'");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("421 しばらくしてから再送してください (call 3)");
        assertThat(TestHandlers.HANDLED).isEmpty();

        assertThat(outbox().retry(((Number) row.get("id")).longValue())).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().stateOf("flaky", "always").orElseThrow() == OutboxState.DONE);
        assertThat(TestHandlers.HANDLED).extracting(TestHandlers.Handled::attempt).as("attempts counted afresh").containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_permanent_refusal_fails_the_work_at_once(String database) {
        start(database);

        transaction().execute(tx -> outbox().enqueue("flaky", "refused", new TestHandlers.Flaky("refused", 1, true)));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().stateOf("flaky", "refused").orElseThrow() == OutboxState.FAILED);
        assertThat(jdbc().queryForObject("SELECT attempts FROM outbox WHERE dedupe_key = 'refused'", Integer.class)).isOne();
        assertThat(outbox().retryFailed("flaky")).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().stateOf("flaky", "refused").orElseThrow() == OutboxState.DONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void progress_counts_the_rows_of_one_batch_by_state(String database) {
        start(database, "--platform.outbox.max-attempts=1");

        transaction().executeWithoutResult(tx -> {
            for (int i = 1; i <= 5; i++) {
                outbox().enqueue("greeting", "issue-7/" + i, new TestHandlers.Greeting("第7号"));
            }
            outbox().enqueue("flaky", "issue-7/6", new TestHandlers.Flaky("issue-7/6", 1, false));
            outbox().enqueue("greeting", "issue-70/1", new TestHandlers.Greeting("第70号"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().progress("greeting", "issue-7/").get(OutboxState.DONE) == 5);
        assertThat(outbox().progress("greeting", "issue-7/")).containsEntry(OutboxState.PENDING, 0L)
                                                             .containsEntry(OutboxState.FAILED, 0L);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().progress("flaky", "issue-7/").get(OutboxState.FAILED) == 1);
    }
}
