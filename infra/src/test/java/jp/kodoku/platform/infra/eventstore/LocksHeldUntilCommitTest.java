package jp.kodoku.platform.infra.eventstore;

import org.axonframework.common.lock.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's lock outlives the command's unit of work while the transaction around it is still open. */
class LocksHeldUntilCommitTest {

    private final LocksHeldUntilCommit locks = new LocksHeldUntilCommit();

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void released_inside_an_open_transaction_the_lock_is_held_until_the_transaction_completes() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        Lock lock = locks.obtainLock("event-1");

        lock.release();

        assertThat(lock.isHeld()).as("held while the transaction is open").isTrue();
        TransactionSynchronizationManager.getSynchronizations()
                                         .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(lock.isHeld()).as("let go once it committed").isFalse();
    }

    @Test
    void released_outside_a_transaction_the_lock_is_let_go_at_once() {
        Lock lock = locks.obtainLock("event-2");

        lock.release();

        assertThat(lock.isHeld()).isFalse();
    }
}
