package jp.kodoku.platform.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's event store, which also tells the other nodes when it stores events, and can be told by them. Axon's store
 * wakes its reader (and so the tracking processors) the moment this node commits events, but learns of another node's
 * events only by looking every fetch delay. On PostgreSQL, {@link NodeNotifications} closes that gap: after each
 * commit that stored events a {@code NOTIFY} is sent ({@link CommitAnnouncer}), and every node listens and wakes its
 * reader.
 *
 * <p>"After the commit" means the database's commit, not the unit of work's. When a command runs inside a transaction
 * that someone else opened (an idempotent request stores its key with the events), Axon's unit of work ends, and calls
 * {@link #afterCommit}, while that transaction is still open: the reader, woken then, looked for events nobody could
 * see yet, found none, and learnt of them only at its next wake-up or fetch delay (issue 9). The wake-up and the
 * announcement therefore wait for the enclosing transaction to commit, and never happen for one that rolls back.
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private final Runnable announce;

    /** {@code announce}: runs after a commit that stored events, and returns at once; does nothing where no one listens (H2). */
    NotifyingEventStore(Builder builder, Runnable announce) {
        super(builder);
        this.announce = announce;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(events);
                }
            });
        } else {
            committed(events);
        }
    }

    private void committed(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            announce.run();
        }
    }

    /** Another node committed events: the reader looks now, rather than at the end of its fetch delay. */
    public void wake() {
        committed(List.of());
    }
}
