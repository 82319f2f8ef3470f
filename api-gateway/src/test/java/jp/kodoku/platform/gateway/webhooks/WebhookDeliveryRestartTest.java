package jp.kodoku.platform.gateway.webhooks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebhookReceiver;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform is killed (SIGKILL) in the middle of deliveries and started again on the same database: the subscriber
 * receives every event, and an event twice only when it was in flight at the kill — at most the rows the delivery
 * workers send at once (each marks its batch after every answer: ADR 0032, 0046), recognized by its {@code webhook-id}.
 */
class WebhookDeliveryRestartTest {

    private static final String APPROVED = "jp.kodoku.platform.membership.member.approved";
    private static final int MEMBERS = 24;
    private static final int WORKERS = 2;
    private static final int PARALLEL_SENDS = 4;

    private final List<Process> processes = new ArrayList<>();
    private MongoServer mongo;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void a_subscriber_sees_every_event_after_a_kill_9_in_the_middle_of_deliveries_and_twice_only_what_was_in_flight()
            throws Exception {
        String database = LocalPostgres.instance().createDatabase("webhook_restart");
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        receiver = new WebhookReceiver();
        Api api = new Api(start(database));
        String[] app = registerApp(api);
        Api.Response subscribed = api.post("/api/v1/webhook-subscriptions")
                                     .token(TestTokens.KEYCLOAK.clientToken(app[0], app[1]))
                                     .body(Map.of("url", receiver.url(), "eventTypes", List.of(APPROVED))).send();
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        receiver.trust(subscribed.json().get("secret").asText());

        // the subscriber is away while the members are made, then answers slowly: deliveries are under way at the kill
        receiver.down();
        Set<String> organizations = new TreeSet<>();
        for (int i = 0; i < MEMBERS; i++) {
            organizations.add(new Members(api).activeMember(Samples.application()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.refused() >= 1);
        receiver.slow(1000);
        receiver.up();
        await().atMost(Duration.ofSeconds(120)).until(() -> receiver.accepted().size() >= 3);
        Process first = processes.get(0);
        first.destroyForcibly(); // SIGKILL: deliveries under way are cut off, their rows' locks go with the connection
        first.waitFor();
        int beforeRestart = receiver.accepted().size();

        start(database);

        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(
                receiver.accepted().stream().map(WebhookReceiver.Received::subject).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(organizations));
        Map<String, Integer> timesById = new HashMap<>();
        receiver.accepted().forEach(r -> timesById.merge(r.webhookId(), 1, Integer::sum));
        assertThat(beforeRestart).as("the kill came in the middle of the deliveries").isLessThan(MEMBERS);
        assertThat(timesById).hasSize(MEMBERS);
        assertThat(timesById.values()).allSatisfy(times -> assertThat(times).isBetween(1, 2));
        assertThat(timesById.values().stream().filter(times -> times == 2).count())
                .as("repeated deliveries: only those in flight at the kill").isLessThanOrEqualTo(WORKERS * PARALLEL_SENDS);
        assertThat(receiver.accepted()).allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
    }

    private int start(String database) throws Exception {
        int port = PlatformNode.freePort();
        Path log = Files.createTempFile("webhook-restart-", ".log");
        processes.add(PlatformNode.startProcess("webhook-restart", database, port, log, PlatformNode.mongoUri(mongo),
                "--platform.applications.rate-limit.per-hour=100000", "--platform.webhooks.allow-loopback-targets=true",
                "--platform.webhooks.first-retry=PT0.5S", "--platform.webhooks.max-retry=PT2S",
                "--platform.webhooks.workers=" + WORKERS, "--platform.webhooks.parallel-sends=" + PARALLEL_SENDS));
        return port;
    }

    private static String[] registerApp(Api api) {
        Api.Response registered = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                     .body(Map.of("name", "再起動テストの連携アプリ", "scopes", List.of("directory:read"),
                                                  "ratePerMinute", 10000)).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new String[]{registered.json().get("clientId").asText(), registered.json().get("clientSecret").asText()};
    }
}
