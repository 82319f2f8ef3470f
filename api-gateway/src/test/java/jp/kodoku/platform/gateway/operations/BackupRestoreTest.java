package jp.kodoku.platform.gateway.operations;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup and restore of docs/operations.md, step by step: {@code pg_dump} of the system of record while the node
 * runs, {@code pg_restore} into an empty database, a node started on it with empty read models (a new MongoDB), the
 * read-model projections rebuilt through the admin API, and the API answers the same as before the backup.
 */
class BackupRestoreTest {

    private static final LocalPostgres POSTGRES = LocalPostgres.instance();

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final List<MongoServer> mongos = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        mongos.forEach(MongoServer::shutdownNow);
    }

    @Test
    void a_database_restored_from_pg_dump_with_rebuilt_read_models_answers_as_the_original_did() throws Exception {
        String original = POSTGRES.createDatabase("backup_original");
        Api before = start(original);
        String secretariat = TestTokens.secretariat();
        String member = new Members(before).activeMember(Samples.application());
        await().atMost(Duration.ofSeconds(30)).until(() -> allCaughtUp(before, secretariat));
        String etag = before.get("/api/v1/organizations/" + member).token(secretariat).send().etag();
        Api.Response updated = before.patch("/api/v1/organizations/" + member + "/profile").token(secretariat)
                                     .header("If-Match", etag).body(Map.of("publicDescription", "バックアップ前の更新")).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        String applying = new Members(before).apply(Samples.application()).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> allCaughtUp(before, secretariat));
        Map<String, String> answers = answers(before, secretariat, member, applying);
        assertThat(answers.values()).allMatch(answer -> answer.startsWith("200 "));

        Path dump = Files.createTempDirectory("platform-backup-").resolve("platform.dump");
        run(LocalPostgres.program("pg_dump").toString(), "--format=custom", "--file=" + dump, "--dbname=" + libpq(original));
        String restored = POSTGRES.createDatabase("backup_restored");
        run(LocalPostgres.program("pg_restore").toString(), "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored),
                dump.toString());
        nodes.remove(0).close();

        Api after = start(restored);
        for (String projection : readModelProjections(after, secretariat)) {
            assertThat(after.post("/api/v1/admin/projections/" + projection + "/rebuild").token(secretariat).send().status())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(answers(after, secretariat, member, applying)).isEqualTo(answers));
    }

    /** What a reader of the API sees: public directory, the secretariat's views, the published counts. */
    private static Map<String, String> answers(Api api, String secretariat, String member, String applying) {
        Map<String, String> answers = new LinkedHashMap<>();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        for (String path : List.of("/api/v1/directory/" + member, "/api/v1/directory",
                "/api/v1/organizations/" + member, "/api/v1/organizations/" + member + "/history",
                "/api/v1/organizations/" + applying, "/api/v1/organizations?status=APPLIED",
                "/api/v1/statistics/members?asOf=" + today)) {
            Api.Response response = api.get(path).token(secretariat).send();
            answers.put(path, response.status() + " " + response.etag() + " " + response.text());
        }
        return answers;
    }

    /** Every projection but the one that provisions Keycloak accounts: replaying it would do that again. */
    private static List<String> readModelProjections(Api api, String secretariat) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/admin/projections").token(secretariat).send().json().fieldNames().forEachRemaining(names::add);
        names.remove("accounts");
        assertThat(names).contains("directory", "statistics", "profile-history");
        return names;
    }

    private static boolean allCaughtUp(Api api, String secretariat) {
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> status =
                api.get("/api/v1/admin/projections").token(secretariat).send().json().fields();
        while (status.hasNext()) {
            if (!status.next().getValue().get("caughtUp").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private Api start(String database) throws Exception {
        MongoServer mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        mongos.add(mongo);
        ConfigurableApplicationContext node = PlatformNode.start("backup", database, PlatformNode.mongoUri(mongo));
        nodes.add(node);
        return new Api(PlatformNode.port(node));
    }

    /** The JDBC URL as a libpq connection string, for pg_dump and pg_restore. */
    private static String libpq(String jdbcUrl) {
        String uri = jdbcUrl.substring("jdbc:".length()).replaceFirst("\\?.*", "");
        return uri.replaceFirst("//", "//" + POSTGRES.username() + (POSTGRES.password().isEmpty() ? "" : ":" + POSTGRES.password()) + "@");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(finished).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
