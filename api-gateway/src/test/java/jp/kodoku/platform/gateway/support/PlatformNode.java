package jp.kodoku.platform.gateway.support;

import de.bwaldvogel.mongo.MongoServer;
import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A platform instance of a test's own, beside the suite's shared one (a second node, a node on a restored database, a
 * node whose database goes away): its own ports and data directory, a database of the suite's PostgreSQL cluster, the
 * suite's Keycloak. The caller closes it.
 */
public final class PlatformNode {

    private PlatformNode() {
    }

    /** {@code more}: the test's own Spring arguments (a node name, a MongoDB URI, a profile…). */
    public static ConfigurableApplicationContext start(String name, String database, String... more) throws IOException {
        LocalPostgres postgres = LocalPostgres.instance();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--platform.data-dir=" + Files.createTempDirectory("platform-" + name + "-"),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--platform.keycloak.server-url=" + TestTokens.KEYCLOAK.serverUrl(),
                "--platform.keycloak.client-secret=" + LocalKeycloak.BACKEND_SECRET,
                "--platform.security.issuer-uri=" + TestTokens.issuer(),
                "--platform.security.jwk-set-uri=" + TestTokens.jwkSetUri()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * The same, in a JVM of its own, for a test that kills it without warning ({@link Process#destroyForcibly()}:
     * SIGKILL, no shutdown hook, no claims released). Returns once the node answers {@code /readyz}; its output goes to
     * {@code log}.
     */
    public static Process startProcess(String name, String database, int port, Path log, String... more)
            throws IOException {
        LocalPostgres postgres = LocalPostgres.instance();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                PlatformApplication.class.getName(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--platform.data-dir=" + Files.createTempDirectory("platform-" + name + "-"),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--platform.keycloak.server-url=" + TestTokens.KEYCLOAK.serverUrl(),
                "--platform.keycloak.client-secret=" + LocalKeycloak.BACKEND_SECRET,
                "--platform.security.issuer-uri=" + TestTokens.issuer(),
                "--platform.security.jwk-set-uri=" + TestTokens.jwkSetUri()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api api = new Api(port);
        try {
            // IllegalStateException: refused while the port is not open yet. A whole JVM starts here; on a loaded
            // 2-core machine that took over 180 s once.
            await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofMillis(250))
                   .ignoreExceptionsInstanceOf(IllegalStateException.class)
                   .until(() -> !process.isAlive() || api.get("/readyz").send().status() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " stopped while starting; see " + log);
        }
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static String mongoUri(MongoServer mongo) {
        return "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/platform";
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
