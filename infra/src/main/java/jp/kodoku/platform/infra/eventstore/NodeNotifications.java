package jp.kodoku.platform.infra.eventstore;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the nodes tell each other through PostgreSQL ({@code LISTEN}/{@code NOTIFY}), and which nodes are there.
 * <ul>
 * <li><b>Events committed.</b> After every commit that stored events, {@link CommitAnnouncer} sends
 * {@link #EVENTS_COMMITTED} (never for a transaction that rolled back), and every node wakes its event store's reader
 * at once. Without it, a write through a node whose processors stand by reached the read models only
 * at the owner's next look ({@code platform.events.fetch-delay}), which stays as the safety net: a lost connection is
 * opened again, and while it is away the nodes find each other's events by looking, as before (ADR 0014).</li>
 * <li><b>A projection about to be rebuilt</b> ({@link #announceRebuild}): the other nodes let go of its segments for a
 * while, so that the node doing the rebuild can claim them all (ADR 0015).</li>
 * <li><b>The nodes there are</b> ({@link #nodes}): each node's listening connection carries its name as
 * {@code application_name}, and PostgreSQL lists the connections it has; a node that is killed loses its connection
 * at once, one whose machine vanished after the TCP keep-alive below (~25 s).</li>
 * </ul>
 * On the embedded H2 database (one node) or with {@code platform.events.notify=false} none of this runs: nothing is
 * sent, {@link #nodes} is 1, and the nodes find each other's events every fetch delay.
 */
public class NodeNotifications implements SmartLifecycle {

    static final String EVENTS_COMMITTED = "platform_events_committed";
    /** Sent after the appending transaction; no payload: the reader reads from its own position whatever was committed. */
    static final String ANNOUNCE_EVENTS = "NOTIFY " + EVENTS_COMMITTED;
    static final String REBUILD = "platform_projection_rebuild";
    private static final String APPLICATION_NAME_PREFIX = "platform-node:";

    private static final Logger log = LoggerFactory.getLogger(NodeNotifications.class);
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final DataSourceProperties database;
    private final NotifyingEventStore store;
    private final JdbcTemplate jdbc;
    private final String node;
    private final boolean enabled;
    private final List<Consumer<String>> rebuildListeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Thread listener;

    /**
     * {@code enabled} false: the embedded H2 database (one node, nothing to listen for), or
     * {@code platform.events.notify=false}.
     */
    NodeNotifications(DataSourceProperties database, NotifyingEventStore store, JdbcTemplate jdbc, String node,
                      boolean enabled) {
        this.database = database;
        this.store = store;
        this.jdbc = jdbc;
        this.node = node;
        this.enabled = enabled;
    }

    /** True when the nodes tell each other (PostgreSQL, and not switched off). */
    public boolean enabled() {
        return enabled;
    }

    /** {@code listener} is told the projection's name when another node announces its rebuild. */
    public void onRebuildAnnouncedElsewhere(Consumer<String> listener) {
        rebuildListeners.add(listener);
    }

    /** Tells the other nodes that the projection is about to be rebuilt here. */
    public void announceRebuild(String projection) {
        if (enabled) {
            jdbc.queryForList("SELECT pg_notify(?, ?)", REBUILD, projection + "\n" + node);
        }
    }

    /** How many nodes are connected to the database and listening (1 where the nodes do not tell each other). */
    public int nodes() {
        if (!enabled) {
            return 1;
        }
        Integer connected = jdbc.queryForObject("SELECT COUNT(DISTINCT application_name) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND application_name LIKE ?", Integer.class,
                APPLICATION_NAME_PREFIX + "%");
        return Math.max(1, connected == null ? 0 : connected);
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::listen, "node-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EVENTS_COMMITTED);
                    statement.execute("LISTEN " + REBUILD);
                }
                // events committed while no one listened (at start, or after a lost connection)
                store.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) WAIT.toMillis());
                    handle(received == null ? new PGNotification[0] : received);
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening to the other nodes (their events are found every fetch delay meanwhile); "
                            + "trying again in {} s: {}", RECONNECT_AFTER.toSeconds(), e.getMessage());
                    pause();
                }
            }
        }
    }

    private void handle(PGNotification[] received) {
        boolean eventsCommitted = false;
        for (PGNotification notification : received) {
            if (EVENTS_COMMITTED.equals(notification.getName())) {
                eventsCommitted = true;
            } else if (REBUILD.equals(notification.getName())) {
                String[] projectionAndNode = notification.getParameter().split("\n", 2);
                String projection = projectionAndNode[0];
                if (projectionAndNode.length == 2 && projectionAndNode[1].equals(node)) {
                    continue; // its own
                }
                for (Consumer<String> rebuildListener : rebuildListeners) {
                    try {
                        rebuildListener.accept(projection);
                    } catch (RuntimeException e) {
                        log.warn("Could not step back for the rebuild of {}", projection, e);
                    }
                }
            }
        }
        if (eventsCommitted) {
            store.wake();
        }
    }

    /**
     * A connection of its own, outside the pool (it is held for good), named after the node, with TCP keep-alives
     * short enough that PostgreSQL drops the connection of a node whose machine vanished within ~25 s.
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME_PREFIX + node);
        Connection connection = DriverManager.getConnection(database.determineUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET tcp_keepalives_idle = 10");
            statement.execute("SET tcp_keepalives_interval = 5");
            statement.execute("SET tcp_keepalives_count = 3");
        }
        return connection;
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
