package jp.kodoku.platform.infra.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the whole test JVM, started once by {@code infra/keycloak/keycloak.sh} (the same script as
 * {@code bin/start}) with the platform realm, on free loopback ports, with a real SMTP server (GreenMail) for the
 * realm's mail. Stopped when the JVM exits.
 *
 * <p>It starts on first use, not when {@link #instance()} is called, so that a class holding the instance in a static
 * field still loads when Keycloak cannot start. Then every use fails with the same explanation: the tail of
 * Keycloak's log (kept in a file named in the message), not a bare exit code.
 */
public final class LocalKeycloak {

    public static final String REALM = "platform";
    public static final String BACKEND_CLIENT = "platform-backend";
    public static final String BACKEND_SECRET = "platform-backend-test-secret";
    /** The master realm's administrator, for what tests do beyond the platform's own rights (e.g. another realm). */
    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    /**
     * The first start on a machine also builds Keycloak (90 s of Quarkus augmentation seen on a busy 2-core machine) and
     * a loaded machine starts it slowly: 4 minutes once ran out on a fresh cache while the CPU was shared.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(8);
    private static final int LOG_TAIL_LINES = 60;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final LocalKeycloak INSTANCE = new LocalKeycloak();

    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private IllegalStateException failedStart;

    private LocalKeycloak() {
    }

    /** The Keycloak of this JVM; it is started by the first call that needs it. */
    public static LocalKeycloak instance() {
        return INSTANCE;
    }

    private record Server(int port, GreenMail mail) {
    }

    private synchronized Server server() {
        if (failedStart != null) {
            throw new IllegalStateException(failedStart.getMessage(), failedStart);
        }
        if (server == null) {
            try {
                server = start();
            } catch (IllegalStateException e) {
                failedStart = e;
                throw e;
            }
        }
        return server;
    }

    public String serverUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    public String issuer() {
        return serverUrl() + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The master realm's administration API. */
    public org.keycloak.admin.client.Keycloak admin() {
        return org.keycloak.admin.client.KeycloakBuilder.builder().serverUrl(serverUrl()).realm("master")
                                                        .clientId("admin-cli").username(ADMIN).password(ADMIN_PASSWORD).build();
    }

    /** The SMTP server the realm sends its mail to. */
    public GreenMail mail() {
        return server().mail();
    }

    /** An access token for a user of the realm, signed in with the password grant of the development client. */
    public String passwordToken(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "platform-cli", "username", username,
                "password", password));
    }

    /** An access token for a confidential client, with the client-credentials grant. */
    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public String token(Map<String, String> form) {
        return token(tokenEndpoint(), form);
    }

    public String token(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                          .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                                                                 .header("Content-Type", "application/x-www-form-urlencoded")
                                                                 .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Server start() {
        Path script = Path.of(System.getProperty("platform.keycloak.script", "infra/keycloak/keycloak.sh"));
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no Keycloak start script at " + script.toAbsolutePath());
        }
        // Maven unpacks Keycloak under its own user.home; the script would otherwise look under $HOME, which a
        // fresh account or a CI runner may set elsewhere.
        String cache = System.getProperty("platform.cache",
                Path.of(System.getProperty("user.home"), ".cache", "kodoku-platform").toString());
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = freePort();
        int managementPort = freePort();
        Path run = temporaryDirectory();
        Path log = run.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), run.toString(), Integer.toString(port),
                Integer.toString(managementPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PLATFORM_CACHE", cache);
        builder.environment().put("PLATFORM_SMTP_HOST", "127.0.0.1");
        builder.environment().put("PLATFORM_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        builder.environment().put("PLATFORM_BACKEND_SECRET", BACKEND_SECRET);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Keycloak 26 refuses a user's login while the brute-force bookkeeping of that user's previous login still
        // runs in the background, as "Invalid user credentials". Tests sign the same demo users in hundreds of times
        // in a row, so on a busy machine some sequential logins were refused (7 of 200 measured). Failed logins are
        // still counted and locked out as the realm says.
        builder.environment().put("KC_SPI_BRUTE_FORCE_PROTECTOR__DEFAULT_BRUTE_FORCE_DETECTOR__ALLOW_CONCURRENT_REQUESTS", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            mail.stop();
            throw new IllegalStateException("cannot run " + script.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mail.stop();
            deleteQuietly(run);
        }));
        String notReady = waitUntilReady(process, managementPort);
        if (notReady != null) {
            process.destroyForcibly();
            throw new IllegalStateException("the test Keycloak did not start: " + notReady + " (script " + script
                    + ", cache " + cache + ")\n" + tail(log));
        }
        return new Server(port, mail);
    }

    /** Null once Keycloak answers ready, else why it never will. */
    private static String waitUntilReady(Process process, int managementPort) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        try {
            org.awaitility.Awaitility.await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250))
                                     .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                                     .until(() -> !process.isAlive() || http.send(
                                             HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                                             HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return "not ready after " + STARTUP_TIMEOUT.toMinutes() + " minutes";
        }
        return process.isAlive() ? null : "it stopped while starting (exit " + process.exitValue() + ")";
    }

    /** The last lines of Keycloak's log, which is copied out of the run directory (deleted at exit) and named. */
    private static String tail(Path log) {
        try {
            Path kept = Files.createTempFile("platform-test-keycloak-", ".log");
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            List<String> lines = new String(Files.readAllBytes(kept), StandardCharsets.UTF_8).lines().toList();
            return "last " + Math.min(LOG_TAIL_LINES, lines.size()) + " lines of its log (all of it in " + kept + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "its log " + log + " could not be read: " + e.getMessage();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("platform-test-keycloak-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a run directory for Keycloak", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for Keycloak", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
