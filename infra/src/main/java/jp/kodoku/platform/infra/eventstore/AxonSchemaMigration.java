package jp.kodoku.platform.infra.eventstore;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Version 1 of the relational schema: Axon's own tables (events, snapshots, tracking tokens, sagas, dead letters).
 *
 * <p>The DDL comes from Axon's table factories rather than a hand-copied script, so the columns always match what
 * the JDBC engine of this Axon version reads and writes. The PostgreSQL flavour is used everywhere: the embedded H2
 * database runs in PostgreSQL mode, which keeps one schema for both.
 */
public class AxonSchemaMigration implements JavaMigration {

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public String getDescription() {
        return "axon event store";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        EventSchema events = new EventSchema();
        execute(PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, events));
        execute(PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, events));
        execute(PostgresTokenTableFactory.INSTANCE.createTable(connection, new TokenSchema()));
        PostgresSagaSqlSchema sagas = new PostgresSagaSqlSchema();
        execute(sagas.sql_createTableSagaEntry(connection));
        execute(sagas.sql_createTableAssocValueEntry(connection));
        try (Statement deadLetters = new ByteaDeadLetterTableFactory()
                .createTableStatement(connection, DeadLetterSchema.defaultSchema())) {
            deadLetters.executeBatch();
        }
    }

    private static void execute(PreparedStatement statement) throws Exception {
        try (statement) {
            statement.execute();
        }
    }

    /** PostgreSQL has no BLOB type; Axon's generic dead-letter table uses it. */
    private static final class ByteaDeadLetterTableFactory extends GenericDeadLetterTableFactory {
        @Override
        protected String serializedDataType() {
            return "BYTEA";
        }
    }
}
