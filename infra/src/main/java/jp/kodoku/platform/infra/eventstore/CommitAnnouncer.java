package jp.kodoku.platform.infra.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells the other nodes that this node committed events ({@link NodeNotifications#EVENTS_COMMITTED}), after the commit
 * and from a thread of its own: one {@code NOTIFY} covers every commit made while the previous one was on its way.
 *
 * <p>Why not in the appending transaction, as first built (ADR 0014): PostgreSQL serializes the commits of
 * transactions that notified, holding a database-wide lock from before the commit record until after it is flushed.
 * Every command then waited for every other command's disk flush, and the write path stopped growing with clients
 * (issue 9: keyed submissions made 94 commands/s with one client and 101 with eight, against 1,171 raw transactions/s).
 * Here only this thread takes that lock, without waiting for the disk ({@code synchronous_commit = off}: the
 * notification is a wake-up call, not a fact to keep). Still never for events that were rolled back: it is asked only
 * after a commit. If the node dies between its commit and the notification, the other nodes find the events at their
 * next look, every fetch delay, as they do whenever notifications are away.
 */
final class CommitAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitAnnouncer.class);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataSource database;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code database} null: no one to tell (the embedded H2 database, or notifications switched off). */
    CommitAnnouncer(DataSource database) {
        this.database = database;
        if (database == null) {
            this.thread = null;
            return;
        }
        this.thread = new Thread(this::announce, "events-committed-announcer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Called after each commit that stored events; returns at once. */
    void eventsCommitted() {
        if (thread != null) {
            pending.set(true);
            LockSupport.unpark(thread);
        }
    }

    private void announce() {
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL synchronous_commit = off");
                    statement.execute(NodeNotifications.ANNOUNCE_EVENTS);
                }
                connection.commit();
            } catch (SQLException e) {
                if (running) {
                    log.warn("Could not tell the other nodes about events committed here (they find them within "
                            + "their fetch delay): {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
