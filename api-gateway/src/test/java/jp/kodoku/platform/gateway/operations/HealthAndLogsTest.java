package jp.kodoku.platform.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One node as production runs it (profile {@code production}) on a database of its own, which the test can make
 * unreachable without touching the cluster the rest of the suite shares: it forbids connections to that one database
 * and ends the node's open ones, as a failed-over or partitioned PostgreSQL would look to the node.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthAndLogsTest {

    private static final LocalPostgres POSTGRES = LocalPostgres.instance();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String databaseName;
    private static ConfigurableApplicationContext node;
    private static Api api;
    private static Api management;

    @BeforeAll
    static void start() throws Exception {
        String database = POSTGRES.createDatabase("health");
        databaseName = database.substring(database.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        node = PlatformNode.start("health", database,
                "--spring.profiles.active=production",
                // how long a health check waits for a connection before it says DOWN
                "--spring.datasource.hikari.connection-timeout=1000",
                // a line logged inside every request, after authentication
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG");
        WebServerApplicationContext web = (WebServerApplicationContext) node;
        api = new Api(web.getWebServer().getPort());
        management = new Api(Integer.parseInt(node.getEnvironment().getProperty("local.management.port")));
        assertThat(ManagementPortType.get(node.getEnvironment())).isEqualTo(ManagementPortType.DIFFERENT);
    }

    @AfterAll
    static void stop() throws Exception {
        allowConnections(true);
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_log_line_of_a_request_is_one_json_object_with_its_correlation_id_and_principal(CapturedOutput output) throws Exception {
        String token = TestTokens.secretariat();
        String correlationId = "ops-log-" + System.nanoTime();

        Api.Response response = api.get("/api/v1/organizations").token(token).header("X-Correlation-Id", correlationId).send();
        assertThat(response.status()).isEqualTo(200);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.contains(correlationId)) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("JSON log lines of the request").isNotEmpty();
        JsonNode line = lines.get(0);
        assertThat(line.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(line.get("principal").asText()).isEqualTo(userName(token));
        assertThat(line.get("@timestamp")).isNotNull();
        assertThat(line.path("log").path("level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void while_postgresql_cannot_be_reached_the_node_is_not_ready_but_still_alive() throws Exception {
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        allowConnections(false);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Api.Response readiness = management.get("/actuator/health/readiness").send();
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            });
            assertThat(api.get("/readyz").send().status()).as("the load balancer's check").isEqualTo(503);
            Api.Response liveness = management.get("/actuator/health/liveness").send();
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
            assertThat(api.get("/livez").send().status()).isEqualTo(200);
        } finally {
            allowConnections(true);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200));
    }

    /** Forbids (and ends) or allows again every connection to this test's database only. */
    private static void allowConnections(boolean allowed) throws Exception {
        try (Connection admin = DriverManager.getConnection(POSTGRES.adminJdbcUrl(), POSTGRES.username(), POSTGRES.password());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + databaseName + "\" ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName + "'");
            }
        }
    }

    private static String userName(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).get("preferred_username").asText();
    }
}
