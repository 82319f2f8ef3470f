package jp.kodoku.platform.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's event store, which also tells the other nodes when it stores events, and can be told by them. Axon's store
 * wakes its reader (and so the tracking processors) the moment this node commits events, but learns of another node's
 * events only by looking every fetch delay. On PostgreSQL, {@link NodeNotifications} closes that gap: each append
 * sends a {@code NOTIFY} in the command's own transaction (delivered only if it commits), and every node listens and
 * wakes its reader.
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private final Runnable announce;

    /** {@code announce}: runs in the transaction that appends events; does nothing where no one listens (H2). */
    NotifyingEventStore(Builder builder, Runnable announce) {
        super(builder);
        this.announce = announce;
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty()) {
            announce.run();
        }
    }

    /** Another node committed events: the reader looks now, rather than at the end of its fetch delay. */
    public void wake() {
        afterCommit(List.of());
    }
}
