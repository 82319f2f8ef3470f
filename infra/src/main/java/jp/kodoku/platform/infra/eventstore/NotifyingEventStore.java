package jp.kodoku.platform.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's event store, which also tells the other nodes when it stores events, and can be told by them. Axon's store
 * wakes its reader (and so the tracking processors) the moment this node commits events, but learns of another node's
 * events only by looking every fetch delay. On PostgreSQL, {@link NodeNotifications} closes that gap: after each
 * commit that stored events a {@code NOTIFY} is sent ({@link CommitAnnouncer}), and every node listens and wakes its
 * reader.
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
        super.afterCommit(events);
        if (!events.isEmpty()) {
            announce.run();
        }
    }

    /** Another node committed events: the reader looks now, rather than at the end of its fetch delay. */
    public void wake() {
        afterCommit(List.of());
    }
}
