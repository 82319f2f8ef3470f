package jp.kodoku.benchmarks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.infra.readmodel.Projections;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the benchmarks run against: a fresh database in the throw-away PostgreSQL cluster, a MongoDB wire-protocol
 * server in this JVM (in-memory H2 backend), the real Keycloak of the test support, and the platform itself started
 * in this JVM as {@code PlatformApplication} plus {@link BenchEndpoints}. The infrastructure outlives the application,
 * so that the start-up benchmark can start the platform again, as a separate JVM, on the same data.
 */
final class Platform {

    final LocalPostgres postgres;
    final String databaseUrl;
    final MongoServer mongoServer;
    final String mongoUri;
    final LocalKeycloak keycloak;
    private final Path dataDir;
    private final List<String> extraArguments;

    private ConfigurableApplicationContext context;
    private ConfigurableApplicationContext second;
    /** Where directory searches look: the index in memory, as the embedded platform does, or the database. */
    private String searchIndex = "memory";

    private Platform(LocalPostgres postgres, String databaseUrl, MongoServer mongoServer, LocalKeycloak keycloak,
                     Path dataDir, List<String> extraArguments) {
        this.postgres = postgres;
        this.databaseUrl = databaseUrl;
        this.mongoServer = mongoServer;
        InetSocketAddress address = mongoServer.getLocalAddress();
        this.mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/platform";
        this.keycloak = keycloak;
        this.dataDir = dataDir;
        this.extraArguments = extraArguments;
    }

    static Platform infrastructure(Path work, List<String> extraArguments) {
        long t0 = System.nanoTime();
        LocalPostgres postgres = LocalPostgres.instance();
        String database = postgres.createDatabase("bench");
        System.out.printf("  PostgreSQL ready (%s) in %.1f s%n", database, (System.nanoTime() - t0) / 1e9);
        MongoServer mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "bench-mongo-stop"));
        long t1 = System.nanoTime();
        LocalKeycloak keycloak = LocalKeycloak.instance();
        System.out.printf("  Keycloak ready (%s) in %.1f s%n", keycloak.serverUrl(), (System.nanoTime() - t1) / 1e9);
        return new Platform(postgres, database, mongo, keycloak, work.resolve("platform-data"), extraArguments);
    }

    /** The command-line arguments that point the platform at this infrastructure (highest precedence in Spring). */
    List<String> arguments(int port) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.data.mongodb.uri=" + mongoUri,
                // the read store is mongo-java-server, as in the embedded platform: search as the embedded platform does
                "--platform.directory.search-index=" + searchIndex,
                "--platform.data-dir=" + dataDir.toAbsolutePath(),
                "--platform.keycloak.server-url=" + keycloak.serverUrl(),
                "--platform.keycloak.client-secret=" + LocalKeycloak.BACKEND_SECRET,
                "--platform.security.issuer-uri=" + keycloak.issuer(),
                "--platform.security.jwk-set-uri=" + keycloak.jwkSetUri(),
                "--platform.applications.rate-limit.per-hour=1000000000",
                "--platform.demo-data.enabled=false",
                // the benchmark measures the platform, not the identity provider: no accounts for invented contacts
                "--platform.accounts.follow-membership=false"));
        args.addAll(extraArguments);
        return args;
    }

    /** Starts the platform in this JVM with the benchmark's own endpoints added; {@code more}: further arguments. */
    void startApplication(String... more) {
        long t0 = System.nanoTime();
        List<String> args = quietArguments();
        args.addAll(List.of(more));
        context = new SpringApplicationBuilder(PlatformApplication.class, BenchEndpoints.class)
                .run(args.toArray(String[]::new));
        System.out.printf("  platform started in this JVM on port %d in %.1f s%n", port(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A second platform node in this JVM on the same database and read models (its own web server, caches and event
     * processors), for the two-node measurements; stopped with {@link #stopApplication}.
     */
    void startSecondNode(String... more) {
        long t0 = System.nanoTime();
        List<String> args = quietArguments();
        // its own data directory (the embedded parts it does not use, logs); one value per argument
        args.replaceAll(arg -> arg.startsWith("--platform.data-dir=")
                ? "--platform.data-dir=" + dataDir.resolveSibling("platform-data-second").toAbsolutePath() : arg);
        args.addAll(List.of(more));
        second = new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
        System.out.printf("  second node started in this JVM on port %d in %.1f s%n", secondPort(),
                (System.nanoTime() - t0) / 1e9);
    }

    int secondPort() {
        return ((ServletWebServerApplicationContext) second).getWebServer().getPort();
    }

    CommandGateway secondCommands() {
        return second.getBean(CommandGateway.class);
    }

    private List<String> quietArguments() {
        List<String> args = arguments(0);
        args.add("--logging.level.root=WARN");
        args.add("--spring.main.banner-mode=off");
        // known and harmless at start-up (Axon's annotations, springdoc defaults, the wire server's ignored indexes)
        args.add("--logging.level.org.springframework.core.annotation=ERROR");
        args.add("--logging.level.org.springdoc=ERROR");
        args.add("--logging.level.de.bwaldvogel.mongo.backend=ERROR");
        return args;
    }

    /** Takes effect at the next start. */
    void searchIndex(String source) {
        this.searchIndex = source;
    }

    void stopApplication() {
        if (second != null) {
            second.close();
            second = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }

    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CommandGateway commands() {
        return bean(CommandGateway.class);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    MongoTemplate mongo() {
        return bean(MongoTemplate.class);
    }

    Projections projections() {
        return bean(Projections.class);
    }

    EventStorageEngine storageEngine() {
        return bean(EventStorageEngine.class);
    }

    Serializer eventSerializer() {
        return context.getBean("eventSerializer", Serializer.class);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(bean(PlatformTransactionManager.class));
    }

    Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> result = new java.util.TreeMap<>();
        bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) {
                result.put(name, s);
            }
        });
        return result;
    }

    long head() {
        Long head = jdbc().queryForObject("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    long eventCount() {
        Long count = jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /** Waits until every projection has handled every event up to the head; false on timeout. */
    boolean awaitProjections(Duration timeout) {
        long head = head();
        long deadline = System.nanoTime() + timeout.toNanos();
        Projections projections = projections();
        while (System.nanoTime() < deadline) {
            if (projections.reached(head)) {
                return true;
            }
            sleep(20);
        }
        return false;
    }

    /** A connection of its own to the benchmark database, outside the platform's pool: for the raw baselines. */
    Connection rawConnection() throws SQLException {
        Properties props = new Properties();
        if (!postgres.username().isEmpty()) {
            props.setProperty("user", postgres.username());
        }
        if (!postgres.password().isEmpty()) {
            props.setProperty("password", postgres.password());
        }
        return DriverManager.getConnection(databaseUrl, props);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
