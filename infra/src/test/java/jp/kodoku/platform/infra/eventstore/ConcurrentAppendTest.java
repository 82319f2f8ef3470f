package jp.kodoku.platform.infra.eventstore;

import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two writers appending the same sequence number of one aggregate (two nodes, each with its own idea of the aggregate)
 * is a lost race, which the event store must report as Axon's ConcurrencyException, on PostgreSQL and on the embedded
 * H2 alike: that is what gets a command retried or answered as a conflict instead of failing as a storage error.
 */
class ConcurrentAppendTest {

    static Stream<DataSource> databases() {
        LocalPostgres postgres = LocalPostgres.instance();
        return Stream.of(
                new DriverManagerDataSource(postgres.createDatabase("appends"), postgres.username(), postgres.password()),
                new DriverManagerDataSource("jdbc:h2:mem:appends-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void the_second_append_of_a_sequence_number_is_a_concurrency_conflict(DataSource database) throws Exception {
        JdbcEventStorageEngine store = eventStore(database);
        String organization = UUID.randomUUID().toString();
        store.appendEvents(event(organization, 0, "申請"), event(organization, 1, "承認 (node A)"));

        assertThatThrownBy(() -> store.appendEvents(event(organization, 1, "連絡先追加 (node B)")))
                .isInstanceOf(ConcurrencyException.class);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void another_integrity_violation_stays_a_storage_failure(DataSource database) throws Exception {
        JdbcEventStorageEngine store = eventStore(database);
        try (Connection connection = database.getConnection()) {
            // a column the engine does not fill: every insert violates NOT NULL (SQL state 23502, not 23505)
            connection.createStatement().execute("ALTER TABLE domainevententry ADD COLUMN node VARCHAR(10) NOT NULL");
        }

        assertThatThrownBy(() -> store.appendEvents(event(UUID.randomUUID().toString(), 0, "申請")))
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(ConcurrencyException.class);
    }

    private static JdbcEventStorageEngine eventStore(DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema()).execute();
        }
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(database::getConnection)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .persistenceExceptionResolver(new EventStoreConfiguration().persistenceExceptionResolver())
                                     .eventSerializer(serializer)
                                     .snapshotSerializer(serializer)
                                     .build();
    }

    private static GenericDomainEventMessage<String> event(String organization, long sequenceNumber, String payload) {
        return new GenericDomainEventMessage<>("MemberOrganization", organization, sequenceNumber, payload);
    }
}
