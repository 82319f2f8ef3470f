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
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the whole test JVM, started once by {@code infra/keycloak/keycloak.sh} (the same script as
 * {@code bin/start}) with the platform realm, on free loopback ports, with a real SMTP server (GreenMail) for the
 * realm's mail. Stopped when the JVM exits.
 */
public final class LocalKeycloak {

    public static final String REALM = "platform";
    public static final String BACKEND_CLIENT = "platform-backend";
    public static final String BACKEND_SECRET = "platform-backend-test-secret";
    /** The master realm's administrator, for what tests do beyond the platform's own rights (e.g. another realm). */
    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static volatile LocalKeycloak instance;

    private final int port;
    private final GreenMail mail;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalKeycloak(int port, int managementPort, GreenMail mail, Process process) {
        this.port = port;
        this.mail = mail;
        this.process = process;
        waitUntilReady(managementPort);
    }

    public static LocalKeycloak instance() {
        if (instance == null) {
            synchronized (LocalKeycloak.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    public String serverUrl() {
        return "http://127.0.0.1:" + port;
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
        return mail;
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

    private static LocalKeycloak start() {
        try {
            Path script = Path.of(System.getProperty("platform.keycloak.script", "infra/keycloak/keycloak.sh"));
            if (!Files.isExecutable(script)) {
                throw new IllegalStateException("no Keycloak start script at " + script.toAbsolutePath());
            }
            GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            int port = freePort();
            int managementPort = freePort();
            Path run = Files.createTempDirectory("platform-test-keycloak-");
            Path log = run.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(script.toString(), run.toString(), Integer.toString(port),
                    Integer.toString(managementPort))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PLATFORM_SMTP_HOST", "127.0.0.1");
            builder.environment().put("PLATFORM_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
            builder.environment().put("PLATFORM_BACKEND_SECRET", BACKEND_SECRET);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process process = builder.start();
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
            return new LocalKeycloak(port, managementPort, mail, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
    }

    private void waitUntilReady(int managementPort) {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        org.awaitility.Awaitility.await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue() + ")");
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
