package jp.kodoku.platform.gateway.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistryFeed;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.readmodel.Projections;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two platform nodes behind one load balancer, as an operator runs them: two application instances (here two
 * application contexts in one JVM, each with its own web server, caches and event processors) on one PostgreSQL, one
 * MongoDB and one Keycloak, with requests alternating and racing between them (DESIGN.md §13).
 */
class TwoNodesTest {

    private static final LocalPostgres POSTGRES = LocalPostgres.instance();
    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";

    private static MongoServer mongo;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Api a;
    private static Api b;
    private static JdbcTemplate events;
    /** One sign-in for the whole class: Keycloak's password hashing would otherwise dominate the run. */
    private static String secretariat;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = POSTGRES.createDatabase("two_nodes");
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        nodeA = start(NODE_A, database);
        nodeB = start(NODE_B, database);
        a = new Api(port(nodeA));
        b = new Api(port(nodeB));
        events = nodeA.getBean(JdbcTemplate.class);
        secretariat = TestTokens.secretariat();
    }

    @AfterAll
    static void stop() {
        Stream.of(nodeA, nodeB).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void writes_alternating_between_the_nodes_with_the_current_if_match_are_never_refused_as_stale() {
        String id = new Members(a).activeMember(Samples.application());
        long version = currentVersion(id);

        for (int i = 0; i < 12; i++) {
            Api node = i % 2 == 0 ? b : a;
            Api.Response written = node.patch(organization(id) + "/profile").token(secretariat)
                                       .header("If-Match", "\"" + version + "\"")
                                       .body(Map.of("publicDescription", "交互の更新 " + i)).send();

            assertThat(written.status()).as("write %d through %s: %s", i, node == a ? NODE_A : NODE_B, written)
                                        .isEqualTo(200);
            version = written.json().get("version").asLong();
        }
        assertThat(requestEventsAfter(id, -1)).filteredOn(type -> type.endsWith("OrganizationProfileUpdated")).hasSize(12);
    }

    @Test
    void racing_writes_through_both_nodes_are_each_applied_once_or_refused_as_conflicts_never_failed() throws Exception {
        String id = new Members(a).activeMember(Samples.application());
        long start = currentVersion(id);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<List<Api.Response>>> calls = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            Api node = client % 2 == 0 ? a : b;
            int c = client;
            calls.add(clients.submit(() -> profileWrites(node, id, start, c, 5)));
            calls.add(clients.submit(() -> contactsAdded(node, id, c, 4)));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<List<Api.Response>> call : calls) {
            responses.addAll(call.get());
        }
        clients.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201, 409, 412));
        List<Api.Response> acknowledged = responses.stream().filter(r -> r.status() < 300).toList();
        assertThat(acknowledged.stream().filter(r -> r.status() == 200)).as("profile writes").hasSize(4 * 5);
        // nothing lost, nothing doubled: one event per acknowledged write, each at its own version
        List<String> written = requestEventsAfter(id, start);
        assertThat(written).hasSize(acknowledged.size());
        assertThat(written.stream().filter(type -> type.endsWith("ContactAdded")))
                .hasSize((int) acknowledged.stream().filter(r -> r.status() == 201).count());
        assertThat(acknowledged.stream().map(r -> r.json().get("version").asLong()).distinct()).hasSize(acknowledged.size());
        for (Api node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(node.get(organization(id)).token(secretariat).send().etag())
                            .isEqualTo("\"" + lastVersionShown(id) + "\""));
        }
    }

    @Test
    void one_idempotency_key_sent_to_both_nodes_creates_one_organization_and_gets_one_answer() throws Exception {
        Map<String, Object> application = Samples.application();
        String key = UUID.randomUUID().toString();
        long submitted = submittedApplications();

        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api node = i % 2 == 0 ? a : b;
            calls.add(clients.submit(() -> node.post("/api/v1/applications").header("Idempotency-Key", key)
                                               .body(application).send()));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> call : calls) {
            responses.add(call.get());
        }
        clients.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("organizationId").asText()).distinct()).hasSize(1);
        assertThat(submittedApplications()).isEqualTo(submitted + 1);
    }

    @Test
    void each_projection_runs_on_one_node_only_and_reads_through_either_node_catch_up() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String processor : projections(nodeA)) {
                assertThat(Stream.of(nodeA, nodeB).filter(node -> claims(node, processor)))
                        .as("nodes processing " + processor).hasSize(1);
            }
            // not a projection: each node follows the API-client events into its own memory
            assertThat(Stream.of(nodeA, nodeB).filter(node -> claims(node, ApiClientRegistryFeed.PROCESSING_GROUP)))
                    .hasSize(2);
        });
        assertThat(events.queryForList("SELECT DISTINCT owner FROM tokenentry WHERE owner IS NOT NULL", String.class))
                .isSubsetOf(NODE_A, NODE_B);

        String id = new Members(b).activeMember(Samples.application());
        Api.Response written = a.patch(organization(id) + "/profile").token(secretariat)
                                .header("If-Match", "\"" + currentVersion(id) + "\"")
                                .body(Map.of("publicDescription", "どちらのノードからも読めます。")).send();
        assertThat(written.status()).as(written.toString()).isEqualTo(200);

        for (Api node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode read = node.get(organization(id)).token(secretariat).send().json();
                assertThat(read.get("profile").get("publicDescription").asText()).isEqualTo("どちらのノードからも読めます。");
            });
        }
    }

    @Test
    void an_api_client_revoked_through_one_node_is_refused_through_the_other_at_once() {
        Api.Response registered = a.post("/api/v1/api-clients").token(secretariat)
                                   .body(Map.of("name", "居場所マップ", "scopes", List.of("directory:read"))).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String clientId = registered.json().get("clientId").asText();
        String token = TestTokens.KEYCLOAK.clientToken(clientId, registered.json().get("clientSecret").asText());
        assertThat(b.get("/api/v1/directory").token(token).send().status()).isEqualTo(200);

        Api.Response revoked = a.delete("/api/v1/api-clients/" + clientId).token(secretariat).send();
        assertThat(revoked.status()).as(revoked.toString()).isLessThan(300);

        // within the fetch delay of B's own processor; sooner than B's next look at the read model (every 5 s)
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(b.get("/api/v1/directory").token(token).send().status()).isEqualTo(401));
        assertThat(a.get("/api/v1/directory").token(token).send().status()).isEqualTo(401);
    }

    @Test
    void a_member_joining_and_changing_through_one_node_is_found_so_in_the_directory_search_of_the_other() {
        String tag = Samples.uniqueKana();
        String id = new Members(a).activeMember(Samples.application("みなとの居場所" + tag, "ミナトノイバショ" + tag));
        String search = "/api/v1/directory?limit=10&q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(b.get(search).send().json().get("items").findValuesAsText("organizationId")).containsExactly(id));

        Api.Response renamed = a.patch(organization(id) + "/profile").token(secretariat)
                                .header("If-Match", "\"" + currentVersion(id) + "\"")
                                .body(Map.of("name", "みなと食堂" + tag, "nameKana", "ミナトショクドウ" + tag)).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(b.get(search).send().json().get("items").findValuesAsText("name"))
                        .containsExactly("みなと食堂" + tag));
    }

    @Test
    void the_projections_view_names_the_same_owner_of_every_segment_through_either_node_and_shows_no_lag_when_idle() {
        for (Api node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode view = node.get("/api/v1/admin/projections").token(secretariat).send().json();
                assertThat(fieldNames(view)).isEqualTo(projections(nodeA)).doesNotContain(ApiClientRegistryFeed.PROCESSING_GROUP);
                for (String projection : projections(nodeA)) {
                    JsonNode p = view.get(projection);
                    assertThat(p.get("caughtUp").asBoolean()).as(projection + ": " + p).isTrue();
                    assertThat(p.get("segments")).as(projection).hasSize(1);
                    JsonNode segment = p.get("segments").get(0);
                    assertThat(segment.get("owner").asText()).as(projection).isEqualTo(owner(projection));
                    assertThat(segment.get("behind").asLong()).as(projection).isZero();
                    assertThat(p.get("runningHere").asBoolean()).as(projection)
                            .isEqualTo(owner(projection).equals(node == a ? NODE_A : NODE_B));
                }
            });
        }
    }

    @Test
    void a_rebuild_sent_to_the_standby_node_is_refused_naming_the_owner_and_leaves_its_processor_standing_by() {
        String projection = "statistics";
        await().atMost(Duration.ofSeconds(20)).until(() -> owner(projection) != null);
        String owner = owner(projection);
        Api standby = owner.equals(NODE_A) ? b : a;
        ConfigurableApplicationContext standbyNode = owner.equals(NODE_A) ? nodeB : nodeA;

        Api.Response refused = standby.post("/api/v1/admin/projections/" + projection + "/rebuild").token(secretariat).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("projection-owned-elsewhere");
        assertThat(refused.json().get("owners").get(0).asText()).isEqualTo(owner);
        assertThat(processor(standbyNode, projection).isRunning()).as("the standby processor still runs").isTrue();

        // Sent to the owner named. The owner releases its segment when it stops its processor for the reset, and the
        // other node may claim it in that moment: then that node is named, and the rebuild is sent there.
        long head = head();
        Api.Response rebuilt = null;
        String target = owner;
        for (int attempt = 0; attempt < 5 && (rebuilt == null || rebuilt.status() == 409); attempt++) {
            rebuilt = (target.equals(NODE_A) ? a : b).post("/api/v1/admin/projections/" + projection + "/rebuild")
                                                     .token(secretariat).send();
            if (rebuilt.status() == 409) {
                target = rebuilt.json().get("owners").get(0).asText();
            }
        }
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode p = standby.get("/api/v1/admin/projections").token(secretariat).send().json().get(projection);
            assertThat(p.get("caughtUp").asBoolean()).as(p.toString()).isTrue();
            assertThat(p.get("segments").get(0).get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
        assertThat(Stream.of(nodeA, nodeB).map(node -> processor(node, projection).isRunning())).containsOnly(true);
    }

    /** A client that reads the version, writes, and on 412 takes the version the problem names and writes again. */
    private static List<Api.Response> profileWrites(Api node, String id, long startVersion, int client, int writes) {
        List<Api.Response> responses = new ArrayList<>();
        long version = startVersion;
        int acknowledged = 0;
        for (int attempt = 0; acknowledged < writes && attempt < 200; attempt++) {
            Api.Response r = node.patch(organization(id) + "/profile").token(secretariat)
                                 .header("If-Match", "\"" + version + "\"")
                                 .body(Map.of("publicDescription", "利用者" + client + "の更新" + attempt)).send();
            responses.add(r);
            if (r.status() == 200) {
                acknowledged++;
                version = r.json().get("version").asLong();
            } else if (r.status() == 412) {
                version = r.json().get("currentVersion").asLong();
            } else if (r.status() != 409) {
                break;
            }
        }
        return responses;
    }

    /** Contacts added without If-Match: a lost race is retried by the node, or answered with 409. */
    private static List<Api.Response> contactsAdded(Api node, String id, int client, int count) {
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(node.post(organization(id) + "/contacts").token(secretariat)
                              .body(Map.of("name", "連絡 太郎" + client + "-" + i,
                                      "email", "renraku-" + client + "-" + i + "-" + UUID.randomUUID() + "@ibasho.example.jp"))
                              .send());
        }
        return responses;
    }

    private static String organization(String id) {
        return "/api/v1/organizations/" + id;
    }

    /** The organization's version in the event store; the write tests start from it, as a client that just read it. */
    private static long currentVersion(String id) {
        return events.queryForObject("SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, id);
    }

    /** The version reads show: that of the last event other than an account record (those reach no read model). */
    private static long lastVersionShown(String id) {
        return events.queryForObject("SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype NOT LIKE '%.MemberAdmin%'", Long.class, id);
    }

    /**
     * The types of the events requests appended after a version. Account records are left out: the accounts
     * processor appends them in the background after an approval.
     */
    private static List<String> requestEventsAfter(String id, long version) {
        return events.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND sequencenumber > ? AND payloadtype NOT LIKE '%.MemberAdmin%' ORDER BY sequencenumber",
                String.class, id, version);
    }

    private static long submittedApplications() {
        return events.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%.MembershipApplicationSubmitted'", Long.class);
    }

    private static Set<String> projections(ConfigurableApplicationContext node) {
        return node.getBean(Projections.class).projections();
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext node, String processor) {
        return node.getBean(EventProcessingConfiguration.class)
                   .eventProcessor(processor, StreamingEventProcessor.class).orElseThrow();
    }

    private static boolean claims(ConfigurableApplicationContext node, String processor) {
        return !processor(node, processor).processingStatus().isEmpty();
    }

    /** The node that holds the projection's (only) segment, as the token table says. */
    private static String owner(String projection) {
        return events.queryForObject("SELECT MAX(owner) FROM tokenentry WHERE processorname = ?", String.class, projection);
    }

    private static long head() {
        return events.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int port(ConfigurableApplicationContext node) {
        return PlatformNode.port(node);
    }

    private static ConfigurableApplicationContext start(String name, String database) throws Exception {
        return PlatformNode.start(name, database, "--platform.node-name=" + name, PlatformNode.mongoUri(mongo),
                "--platform.applications.rate-limit.per-hour=100000");
    }

    // ---- the events portal (issue 12) ---------------------------------------------------------------------------

    /**
     * Registrations for one event racing through both nodes: every one lands exactly once, the seats are filled to
     * the capacity and no further, and the acceptance order has no gap and no repeat. A registration that lost the race
     * for the event's next sequence number twice is answered 409 and sent again with the same Idempotency-Key, as a
     * client does.
     */
    @Test
    void registrations_racing_through_both_nodes_fill_the_capacity_exactly_once_each() throws Exception {
        int capacity = 20;
        String event = new jp.kodoku.platform.gateway.support.Events(a).published(
                jp.kodoku.platform.gateway.support.Events.with(jp.kodoku.platform.gateway.support.Events.workshop(capacity),
                        "registration", Map.of("capacity", capacity, "seatLimit", 1)));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> calls = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            int c = client;
            String token = TestTokens.memberAdmin(UUID.randomUUID().toString());
            calls.add(clients.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Api node = (c + i) % 2 == 0 ? a : b;
                    String key = "two-nodes-" + c + "-" + i;
                    Api.Response r = node.post("/api/v1/events/" + event + "/registrations").token(token)
                                         .header("Idempotency-Key", key).body(Map.of("seats", 1)).send();
                    for (int retry = 0; r.status() == 409 && retry < 10; retry++) {
                        r = node.post("/api/v1/events/" + event + "/registrations").token(token)
                                .header("Idempotency-Key", key).body(Map.of("seats", 1)).send();
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    mine.add(r.json().get("registrationId").asText());
                }
                return mine;
            }));
        }
        List<String> registered = new ArrayList<>();
        for (Future<List<String>> call : calls) {
            registered.addAll(call.get());
        }
        clients.shutdown();

        assertThat(registered).doesNotHaveDuplicates().hasSize(64);
        List<String> accepted = events.query("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND (payloadtype LIKE '%.RegistrationConfirmed' OR payloadtype LIKE '%.RegistrationWaitlisted') "
                + "ORDER BY sequencenumber", (rs, i) -> rs.getString(1), event);
        assertThat(accepted).hasSize(64);
        assertThat(accepted.subList(0, capacity)).allSatisfy(type -> assertThat(type).endsWith("RegistrationConfirmed"));
        assertThat(accepted.subList(capacity, 64)).allSatisfy(type -> assertThat(type).endsWith("RegistrationWaitlisted"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode shown = b.get("/api/v1/events/" + event).send().json();
            assertThat(shown.get("confirmedSeats").asInt()).isEqualTo(capacity);
            assertThat(shown.get("waitlistedRegistrations").asInt()).isEqualTo(64 - capacity);
        });
    }
}
