package jp.kodoku.platform.infra.eventstore;

import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Committed events are announced (the reader woken, the other nodes told) when the database has committed them, so
 * that whoever looks then finds them: not when the command's unit of work ends inside a transaction that is still open,
 * as in an idempotent request (issue 9), and never for a transaction that rolls back.
 */
class NotifyingEventStoreTest {

    private final LocalPostgres postgres = LocalPostgres.instance();
    private final String url = postgres.createDatabase("notifying_store");
    private final DriverManagerDataSource database = new DriverManagerDataSource(url, postgres.username(), postgres.password());
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    /** Another data source: never given the transaction's connection (a processor, another node). */
    private final JdbcTemplate outside = new JdbcTemplate(
            new DriverManagerDataSource(url, postgres.username(), postgres.password()));
    private final AtomicInteger announced = new AtomicInteger();
    private final NotifyingEventStore store = new NotifyingEventStore(
            EmbeddedEventStore.builder().storageEngine(storageEngine()), announced::incrementAndGet);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void a_command_inside_an_open_transaction_is_announced_when_that_transaction_commits_not_when_the_command_ends() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            command("申請");
            assertThat(announced).as("the command has ended, its events are not committed yet").hasValue(0);
            assertThat(visibleEvents()).isZero();
        });

        assertThat(announced).hasValue(1);
        assertThat(visibleEvents()).isEqualTo(1);
    }

    @Test
    void a_command_inside_a_transaction_that_rolls_back_is_never_announced() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            command("申請");
            status.setRollbackOnly();
        });

        assertThat(announced).hasValue(0);
        assertThat(visibleEvents()).isZero();
    }

    @Test
    void a_command_in_its_own_transaction_is_announced_once_it_has_committed() {
        command("申請");

        assertThat(announced).hasValue(1);
        assertThat(visibleEvents()).isEqualTo(1);
    }

    /** A command's unit of work appending one event, in a transaction of its own or the one already open (Axon's way). */
    private void command(String payload) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        store.publish(new GenericDomainEventMessage<>("MemberOrganization", UUID.randomUUID().toString(), 0, payload));
        unitOfWork.commit();
    }

    /** What another connection can see. */
    private int visibleEvents() {
        return outside.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    private JdbcEventStorageEngine storageEngine() {
        try (Connection connection = database.getConnection()) {
            PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema()).execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                             new SpringDataSourceConnectionProvider(database)))
                                     .transactionManager(new SpringTransactionManager(transactions))
                                     .eventSerializer(serializer)
                                     .snapshotSerializer(serializer)
                                     .build();
    }
}
