package jp.kodoku.platform.infra.eventstore;

import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the nodes tell each other through PostgreSQL (ADR 0014, ADR 0015): the events one node commits wake every
 * node's reader, and only once committed; a rebuild announced by one node reaches the others; and the nodes count each
 * other.
 */
class NodeNotificationsTest {

    private final LocalPostgres postgres = LocalPostgres.instance();
    private final String url = postgres.createDatabase("node_notifications");
    private final DriverManagerDataSource database = new DriverManagerDataSource(url, postgres.username(), postgres.password());
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
    private final List<Node> nodes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoNodes() {
        nodes.add(new Node("node-a"));
        nodes.add(new Node("node-b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> nodes.get(0).notifications.nodes() == 2);
        // each wakes its reader once when it starts listening, for what it may have missed
        await().atMost(Duration.ofSeconds(10)).until(() -> nodes.stream().allMatch(node -> node.wakes.get() == 1));
    }

    @AfterEach
    void stop() {
        nodes.forEach(node -> node.notifications.stop());
    }

    @Test
    void events_committed_by_one_node_wake_the_reader_of_every_node() {
        transaction.executeWithoutResult(status -> jdbc.execute(NodeNotifications.ANNOUNCE_EVENTS));

        await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(node -> node.wakes.get() == 2));
    }

    @Test
    void commits_announced_after_the_fact_wake_every_node_with_one_notification_for_a_burst() {
        try (CommitAnnouncer announcer = new CommitAnnouncer(database)) {
            announcer.eventsCommitted();
            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(node -> node.wakes.get() == 2));

            for (int i = 0; i < 1_000; i++) {
                announcer.eventsCommitted(); // a thousand commands committing at once
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(node -> node.wakes.get() > 2));
            // while one notification is on its way, the commits after it wait for the next: far fewer than a thousand
            assertThat(nodes.get(1).wakes.get()).isLessThan(100);
        }
    }

    @Test
    void events_rolled_back_wake_no_one() {
        Node b = nodes.get(1);

        transaction.executeWithoutResult(status -> {
            jdbc.execute(NodeNotifications.ANNOUNCE_EVENTS);
            status.setRollbackOnly();
        });
        // delivered in commit order: once this one has arrived, the rolled-back one would have arrived before it
        transaction.executeWithoutResult(status -> jdbc.execute(NodeNotifications.ANNOUNCE_EVENTS));

        await().atMost(Duration.ofSeconds(5)).until(() -> b.wakes.get() > 1);
        assertThat(b.wakes.get()).isEqualTo(2);
    }

    @Test
    void a_rebuild_announced_by_one_node_reaches_the_others_and_not_itself() {
        Node a = nodes.get(0);
        Node b = nodes.get(1);

        a.notifications.announceRebuild("directory");
        await().atMost(Duration.ofSeconds(5)).until(() -> b.rebuilds.contains("directory"));
        b.notifications.announceRebuild("statistics");

        // delivered in the order sent: its own announcement would have reached A before B's
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.rebuilds.isEmpty());
        assertThat(a.rebuilds).containsExactly("statistics");
        assertThat(b.rebuilds).containsExactly("directory");
    }

    @Test
    void the_nodes_count_each_other_and_a_node_that_stops_is_no_longer_counted() {
        assertThat(nodes.get(1).notifications.nodes()).isEqualTo(2);

        nodes.get(1).notifications.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> nodes.get(0).notifications.nodes() == 1);
    }

    /** A node's notifications, its event store counting how often it is woken. */
    private final class Node {

        final AtomicInteger wakes = new AtomicInteger();
        final List<String> rebuilds = new CopyOnWriteArrayList<>();
        final NodeNotifications notifications;

        Node(String name) {
            NotifyingEventStore store = new NotifyingEventStore(
                    EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()), () -> { }) {
                @Override
                public void wake() {
                    wakes.incrementAndGet();
                }
            };
            DataSourceProperties properties = new DataSourceProperties();
            properties.setUrl(url);
            properties.setUsername(postgres.username());
            properties.setPassword(postgres.password());
            notifications = new NodeNotifications(properties, store, jdbc, name, true);
            notifications.onRebuildAnnouncedElsewhere(rebuilds::add);
            notifications.start();
        }
    }
}
