package jp.kodoku.platform.gateway.embedded;

import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 right after acknowledged writes loses none of them: the platform runs as a separate process on the embedded
 * default (H2 file database, MongoDB wire server on its own file), is killed without warning, and started again.
 */
class CrashRecoveryTest {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void acknowledged_applications_and_decisions_survive_a_kill_9() throws Exception {
        Path data = Files.createTempDirectory("platform-crash-");
        Api api = new Api(start(data));

        List<String> links = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Response created = api.post("/api/v1/applications").body(Samples.application()).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            links.add(created.json().get("accessUrl").asText());
            if (i % 4 == 0) {
                String id = created.json().get("organizationId").asText();
                Api.Response approval = api.post("/api/v1/organizations/" + id + "/approval")
                                           .token(TestTokens.secretariat()).body(Map.of("joinedOn", "2024-04-01")).send();
                assertThat(approval.status()).isEqualTo(200);
                approved.add(id);
            }
        }
        Process first = processes.get(0);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        first.waitFor();

        Api restarted = new Api(start(data));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String link : links) {
                assertThat(restarted.get(link).send().status()).as(link).isEqualTo(200);
            }
            for (String id : approved) {
                assertThat(restarted.get("/api/v1/directory/" + id).send().status()).as(id).isEqualTo(200);
            }
        });
    }

    /** Starts the platform in its own JVM on the given data directory; returns its port once it is healthy. */
    private int start(Path data) throws IOException {
        int port = PlatformNode.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                PlatformApplication.class.getName(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--platform.data-dir=" + data,
                "--platform.security.issuer-uri=" + TestTokens.issuer(),
                "--platform.security.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--platform.applications.rate-limit.per-hour=1000")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("platform-" + port + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        Api api = new Api(port);
        // A JVM starting every module on a busy 2-core machine can take minutes; a dead one fails at once.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
               .ignoreExceptionsInstanceOf(IllegalStateException.class)
               .until(() -> !process.isAlive() || api.get("/readyz").send().status() == 200);
        assertThat(process.isAlive()).as("the platform's JVM stopped while starting; see "
                + data.resolve("platform-" + port + ".log")).isTrue();
        return port;
    }
}
