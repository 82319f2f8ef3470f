package jp.kodoku.platform.gateway.nodes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Write → read freshness with two nodes, printed for docs/operations.md and ADR 0014 (no assertion on time: the figures
 * depend on the machine): a profile update acknowledged by one node, then read until it shows, written alternately
 * through the node that runs the projections ("same node", the single-node figure) and through the other one ("other
 * node"). Each configuration gets two fresh nodes on one database. Not part of the suite; run it with
 * {@code ./mvnw -pl api-gateway -am test -Dtest=CrossNodeFreshness -Dsurefire.failIfNoSpecifiedTests=false -Dplatform.measure=true}
 * ({@code -Dplatform.measure.writes=200} for more writes per configuration, {@code -Dplatform.measure.configurations}
 * for other configurations).
 */
@EnabledIfSystemProperty(named = "platform.measure", matches = "true")
class CrossNodeFreshness {

    private static final int WRITES = Integer.getInteger("platform.measure.writes", 100);

    @Test
    void write_to_read_through_the_owner_and_through_the_other_node() throws Exception {
        MongoServer mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        String secretariat = TestTokens.secretariat();
        List<String> report = new ArrayList<>();
        try {
            for (String[] configuration : configurations()) {
                String database = LocalPostgres.instance().createDatabase("cross_node_freshness");
                report.add(String.join(" ", configuration) + ": " + measure(database, mongo, secretariat, configuration));
                report.forEach(System.out::println);
            }
        } finally {
            mongo.shutdownNow();
        }
        System.out.println("=== cross-node freshness (" + WRITES + " writes per configuration, half through each node)");
        report.forEach(System.out::println);
    }

    /**
     * {@code -Dplatform.measure.configurations="--a=1 --b=2;--a=3"}: the platform arguments of each configuration;
     * by default notifications off and on, and on with a long fetch delay.
     */
    private static List<String[]> configurations() {
        String given = System.getProperty("platform.measure.configurations");
        if (given != null) {
            return java.util.Arrays.stream(given.split(";")).map(String::trim).map(c -> c.split("\\s+")).toList();
        }
        return List.of(
                new String[] {"--platform.events.notify=false", "--platform.events.fetch-delay=50ms"},
                new String[] {"--platform.events.notify=true", "--platform.events.fetch-delay=50ms"},
                new String[] {"--platform.events.notify=true", "--platform.events.fetch-delay=1000ms"},
                new String[] {"--platform.events.notify=false", "--platform.events.fetch-delay=50ms"},
                new String[] {"--platform.events.notify=true", "--platform.events.fetch-delay=50ms"});
    }

    private static String measure(String database, MongoServer mongo, String token, String[] configuration)
            throws Exception {
        ConfigurableApplicationContext first = node("fresh-a", database, mongo, configuration);
        ConfigurableApplicationContext second = node("fresh-b", database, mongo, configuration);
        try {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            Api a = new Api(PlatformNode.port(first));
            Api b = new Api(PlatformNode.port(second));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT MAX(owner) FROM tokenentry WHERE processorname = 'directory'", String.class) != null);
            String owner = jdbc.queryForObject("SELECT MAX(owner) FROM tokenentry WHERE processorname = 'directory'",
                    String.class);
            Api owning = owner.equals("fresh-a") ? a : b;
            Api other = owning == a ? b : a;
            String id = new Members(owning).activeMember(Samples.application());
            // warm-up: the first writes pay for class loading and the compiler
            List<Long> same = new ArrayList<>();
            List<Long> elsewhere = new ArrayList<>();
            long[] version = {jdbc.queryForObject(
                    "SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id)};
            for (int i = -20; i < WRITES; i++) {
                Api writer = i % 2 == 0 ? owning : other;
                long millis = writeAndWaitUntilRead(writer, owning, id, version, token, "鮮度の測定 " + i);
                if (i >= 0) {
                    (writer == owning ? same : elsewhere).add(millis);
                }
            }
            return "same node " + figures(same) + "; other node " + figures(elsewhere);
        } finally {
            second.close();
            first.close();
        }
    }

    /** Milliseconds from the write's answer until a read through {@code reader} shows it. */
    private static long writeAndWaitUntilRead(Api writer, Api reader, String id, long[] version, String token,
                                              String text) {
        String path = "/api/v1/organizations/" + id;
        Api.Response written = writer.patch(path + "/profile").token(token).header("If-Match", "\"" + version[0] + "\"")
                                     .body(Map.of("publicDescription", text)).send();
        long acknowledged = System.nanoTime();
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        version[0] = written.json().get("version").asLong();
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
               .until(() -> text.equals(reader.get(path).token(token).send().json().get("profile")
                                              .get("publicDescription").asText()));
        return (System.nanoTime() - acknowledged) / 1_000_000;
    }

    private static String figures(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median " + at(sorted, 0.5) + " / p90 " + at(sorted, 0.9) + " / p99 " + at(sorted, 0.99) + " / max "
                + sorted.get(sorted.size() - 1) + " ms (n=" + sorted.size() + ")";
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }

    private static ConfigurableApplicationContext node(String name, String database, MongoServer mongo,
                                                       String[] configuration) throws Exception {
        // the directory in one segment, so that one node runs it and the other does not
        List<String> args = new ArrayList<>(List.of("--platform.node-name=" + name, PlatformNode.mongoUri(mongo),
                "--platform.applications.rate-limit.per-hour=100000",
                "--axon.eventhandling.processors.directory.initial-segment-count=1"));
        args.addAll(List.of(configuration));
        return PlatformNode.start(name, database, args.toArray(String[]::new));
    }
}
