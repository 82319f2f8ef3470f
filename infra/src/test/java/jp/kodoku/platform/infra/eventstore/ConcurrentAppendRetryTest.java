package jp.kodoku.platform.infra.eventstore;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a lost append race is run again, and only once, and only where the command owns its transaction. */
class ConcurrentAppendRetryTest {

    private final ConcurrentAppendRetry retry = new ConcurrentAppendRetry();
    private final AtomicInteger dispatched = new AtomicInteger();
    private final List<Class<? extends Throwable>[]> failures = new ArrayList<>();

    @Test
    void a_command_that_lost_an_append_race_runs_once_more_at_once() {
        assertThat(failed(new ConcurrencyException("sequence number 5 of org-1 already taken"))).isTrue();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void a_second_lost_race_is_answered_not_retried() {
        failed(new ConcurrencyException("first"));

        assertThat(failed(new ConcurrencyException("second"))).isFalse();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void a_stale_expected_version_or_a_rule_violation_is_answered_not_retried() {
        assertThat(failed(new ConflictingAggregateVersionException("org-1", 3, 4))).isFalse();
        assertThat(failed(new IllegalStateException("only an active member can be suspended"))).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void a_command_inside_an_enclosing_transaction_is_left_to_its_owner() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(failed(new ConcurrencyException("sequence number taken"))).isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(dispatched).hasValue(0);
    }

    @SuppressWarnings("unchecked")
    private boolean failed(RuntimeException failure) {
        failures.add(new Class[]{failure.getClass()});
        return retry.scheduleRetry(GenericCommandMessage.asCommandMessage("AddContact"), failure, List.copyOf(failures),
                dispatched::incrementAndGet);
    }
}
