package jp.kodoku.platform.infra.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.DatabaseMetaData;
import java.time.Duration;

/**
 * The system of record: Axon's JDBC engine on PostgreSQL, or on the embedded H2 file database in PostgreSQL mode.
 * Flyway owns the schema so that a production database is migrated, never re-created.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    /**
     * Tells the event store that an append lost a race: a unique violation on the event table means another writer
     * (another node, usually) stored the same sequence number of the aggregate first. The store then throws Axon's
     * {@code ConcurrencyException}, which is retried (see {@link ConcurrentAppendRetry}) or answered as a conflict.
     * Axon's default resolver goes by vendor error codes and does not know PostgreSQL's, so the race surfaced as an
     * unexplained storage failure. By SQL state, 23505 (unique violation) is the same in PostgreSQL and H2; the whole
     * class 23 would also take a missing value for a concurrent write.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** Axon's gateway, with one more try for a command whose append lost a race to another node. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrentAppendRetry()).build();
    }

    /**
     * Axon's event store, except for how long its reader waits before it looks for events it was not told about, and,
     * on PostgreSQL, a {@code NOTIFY} after every commit of events that wakes the other nodes' readers
     * ({@link NodeNotifications}, {@link CommitAnnouncer}).
     * A node is told at once about events committed on it; events committed on another node are found through the
     * notification, or else by looking every fetch delay: with Axon's 1 s and no notification, a write through the node
     * that does not run the projections reached the read models about a second later (docs/operations.md, ADR 0014).
     * Looking costs one indexed query per interval, and only on a node whose processors are reading.
     */
    @Bean
    NotifyingEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                   @Value("${platform.events.fetch-delay:50ms}") Duration fetchDelay,
                                   CommitAnnouncer announcer) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                                                               .storageEngine(storageEngine)
                                                               .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                                                               .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                                                               .fetchDelay(fetchDelay.toMillis());
        return new NotifyingEventStore(builder, announcer::eventsCommitted);
    }

    /** The thread that sends the notifications after commits: on PostgreSQL, unless switched off (H2: no one to tell). */
    @Bean(destroyMethod = "close")
    CommitAnnouncer commitAnnouncer(DataSource dataSource, @Value("${platform.events.notify:true}") boolean notify)
            throws MetaDataAccessException {
        return new CommitAnnouncer(notify && onPostgreSql(dataSource) ? dataSource : null);
    }

    /** On PostgreSQL: what the nodes tell each other (events committed, rebuilds) and which nodes are there. */
    @Bean
    NodeNotifications nodeNotifications(DataSource dataSource, DataSourceProperties properties, NotifyingEventStore store,
                                        @Value("${platform.events.notify:true}") boolean notify,
                                        @Value("${platform.node-name:}") String nodeName)
            throws MetaDataAccessException {
        return new NodeNotifications(properties, store, new JdbcTemplate(dataSource), nodeId(nodeName),
                notify && onPostgreSql(dataSource));
    }

    private static boolean onPostgreSql(DataSource dataSource) throws MetaDataAccessException {
        return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it (which steps back once the event store above is
     * declared), with the conflict resolver above.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(serializer)
                                     .upcasterChain(axon.upcasterChain())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .eventSerializer(eventSerializer)
                                     .snapshotFilter(axon.snapshotFilter())
                                     .connectionProvider(connections)
                                     .transactionManager(transactions)
                                     .schema(new EventSchema()) // the tables of AxonSchemaMigration
                                     .build();
    }

    /**
     * Axon's token store, with the node's name ({@code platform.node-name}) as the owner of the segments it claims.
     * Axon's default owner is the JVM's name ("pid@host"): two nodes that share it (two in one JVM, or two containers
     * whose hostnames and pids coincide) would both believe they own every segment and both process every event. The
     * name also says, in the token table, which node runs which projection.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, @Qualifier("serializer") Serializer serializer,
                          TokenStoreProperties properties,
                          @Value("${platform.node-name:}") String nodeName) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connections)
                             .schema(new TokenSchema()) // the table of AxonSchemaMigration
                             .serializer(serializer)
                             .claimTimeout(properties.getClaimTimeout())
                             .nodeId(nodeId(nodeName))
                             .build();
    }

    /** The owner this node writes into the token table: its {@code platform.node-name}, else the JVM's name. */
    public static String nodeId(String nodeName) {
        return nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
    }

    /**
     * A pooled processor (the accounts processor) renews its claims after a fifth of the claim timeout. Axon's
     * default renews after 5 s, half of its default timeout of 10 s; with the platform's shorter timeout (failover,
     * docs/operations.md) the other node would take segments that their owner is still working on.
     */
    @Bean
    ConfigurerModule claimRenewal(TokenStoreProperties properties) {
        long renewAfter = properties.getClaimTimeout().toMillis() / 5;
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(renewAfter));
    }

    /** Matches the saga tables created by {@link AxonSchemaMigration} (bytea columns). */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * The event store's own JSON mapper, apart from the HTTP one: events are read by a tolerant reader (unknown
     * fields ignored, so an event written by a newer version still loads) and dates are stored as ISO text, readable
     * in the table. Axon picks this bean by its name.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return eventMapper();
    }

    /** Also used by the event contract tests, so they read and write exactly what the event store does. */
    public static ObjectMapper eventMapper() {
        return new ObjectMapper().findAndRegisterModules()
                                 .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                 .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    FlywayConfigurationCustomizer axonSchemaMigration() {
        return configuration -> configuration.javaMigrations(new AxonSchemaMigration());
    }
}
