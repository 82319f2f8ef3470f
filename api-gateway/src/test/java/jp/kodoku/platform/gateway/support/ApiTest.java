package jp.kodoku.platform.gateway.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.infra.readmodel.Projections;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The platform as production runs it, through its HTTP API: events in a real PostgreSQL (a throw-away cluster),
 * read models behind a MongoDB URI (a wire-protocol server started apart from the application, as an external MongoDB
 * would be), tokens from a real Keycloak (the realm of infra/keycloak) checked against its JWK set. All subclasses share one
 * application context, so the suite starts it once.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring's tests turn metrics export off by default; production serves them (MetricsTest reads them)
@AutoConfigureObservability(tracing = false)
public abstract class ApiTest {

    private static final LocalPostgres POSTGRES = LocalPostgres.instance();
    private static final String DATABASE = POSTGRES.createDatabase("api");
    private static final MongoServer MONGO = startMongo();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Projections projections;

    protected Api api;

    /**
     * Every class of the suite fails with the reason when the test Keycloak cannot start; otherwise only the first
     * would, and Spring would skip loading the context for the others with no word of why.
     */
    @BeforeAll
    static void keycloakStarted() {
        TestTokens.KEYCLOAK.serverUrl();
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", POSTGRES::username);
        registry.add("spring.datasource.password", POSTGRES::password);
        InetSocketAddress mongo = MONGO.getLocalAddress();
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongo.getPort() + "/platform");
        // as the embedded platform searches its mongo-java-server; DirectoryIndexTest holds it to the database's answers
        registry.add("platform.directory.search-index", () -> "memory");
        registry.add("platform.keycloak.server-url", TestTokens.KEYCLOAK::serverUrl);
        registry.add("platform.keycloak.client-secret", () -> LocalKeycloak.BACKEND_SECRET);
        registry.add("platform.security.issuer-uri", TestTokens::issuer);
        registry.add("platform.security.jwk-set-uri", JwksRelay::uri);
        registry.add("platform.applications.rate-limit.per-hour", () -> "100000");
        // webhooks to receivers on loopback, retried quickly and given up on after half a minute (WebhooksTest)
        registry.add("platform.webhooks.allow-loopback-targets", () -> "true");
        registry.add("platform.webhooks.first-retry", () -> "PT0.5S");
        registry.add("platform.webhooks.max-retry", () -> "PT2S");
        registry.add("platform.webhooks.give-up-after", () -> "PT30S");
        // the bounce and unsubscribe mailboxes (embedded GreenMail) read often enough for a test to wait on
        registry.add("platform.newsletter.bounces.check", () -> "PT2S");
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }

    /** Read models are eventually consistent: wait until every projection has handled every event so far. */
    protected void awaitProjections() {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> projections.reached(head));
    }

    /**
     * Events caused by requests. Account records are left out: the accounts processor appends them in the background
     * after approvals and suspensions, so they may arrive while a test counts.
     */
    protected long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE " + NOT_ACCOUNT_RECORD, Long.class);
    }

    protected static final String NOT_ACCOUNT_RECORD = "payloadtype NOT LIKE '%.MemberAdmin%'";
}
