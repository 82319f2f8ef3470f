package jp.kodoku.platform.infra.eventstore;

import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system of record: Axon's JDBC engine (auto-configured by Axon from the DataSource) on PostgreSQL, or on the
 * embedded H2 file database in PostgreSQL mode. Flyway owns the schema so that a production database is migrated,
 * never re-created.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** Matches the saga tables created by {@link AxonSchemaMigration} (bytea columns). */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    FlywayConfigurationCustomizer axonSchemaMigration() {
        return configuration -> configuration.javaMigrations(new AxonSchemaMigration());
    }
}
