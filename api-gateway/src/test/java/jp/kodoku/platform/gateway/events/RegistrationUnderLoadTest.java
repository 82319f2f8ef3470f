package jp.kodoku.platform.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test of correctness under load: 1,000 registrations from 50 concurrent clients (50 member organizations'
 * admins, 20 registrations each, one seat each) at one event of capacity 100. Exactly 100 seats are confirmed, the
 * other 900 wait in the order the platform accepted them, nobody is there twice; then 30 random cancellations promote
 * exactly the next 30 on the waitlist, each with the cancellation that freed its seat.
 */
class RegistrationUnderLoadTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 50;
    private static final int EACH = 20;
    private static final int CAPACITY = 100;
    private static final int CANCELLATIONS = 30;

    record Registered(String organization, String token, String registrationId, String status, Integer position) {
    }

    @Test
    void a_thousand_registrations_from_fifty_clients_fill_exactly_the_capacity_and_wait_in_order() throws Exception {
        String event = new Events(api).published(Events.with(Events.workshop(CAPACITY), "registration",
                Map.of("capacity", CAPACITY, "seatLimit", 1)));
        List<String> organizations = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            organizations.add(UUID.randomUUID().toString());
            tokens.add(TestTokens.memberAdmin(organizations.get(i)));
        }

        // ---- 1,000 registrations from 50 concurrent clients -----------------------------------------------------
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Registered>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Api own = new Api(port);
                List<Registered> mine = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    // With an Idempotency-Key, so each runs in its request's transaction: on one node none is refused
                    // as a conflict (the event's lock is held until that transaction commits, LocksHeldUntilCommit)
                    Api.Response r = own.post("/api/v1/events/" + event + "/registrations").token(tokens.get(client))
                                        .header("Idempotency-Key", "load-" + client + "-" + i).body(Map.of("seats", 1)).send();
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    JsonNode body = r.json();
                    mine.add(new Registered(organizations.get(client), tokens.get(client),
                            body.get("registrationId").asText(), body.get("status").asText(),
                            body.get("waitlistPosition").isNull() ? null : body.get("waitlistPosition").asInt()));
                }
                return mine;
            }));
        }
        List<Registered> all = new ArrayList<>();
        for (Future<List<Registered>> client : clients) {
            all.addAll(client.get());
        }

        assertThat(all).hasSize(CLIENTS * EACH);
        assertThat(all.stream().map(Registered::registrationId).distinct()).as("nobody twice").hasSize(CLIENTS * EACH);
        assertThat(all.stream().filter(r -> r.status().equals("CONFIRMED"))).hasSize(CAPACITY);
        assertThat(all.stream().filter(r -> r.status().equals("WAITLISTED")).map(Registered::position).sorted())
                .as("each waitlisted registration was told its own place")
                .containsExactlyElementsOf(range(1, CLIENTS * EACH - CAPACITY));

        // The platform's order of acceptance is the order of its events: the first 100 took the seats, the rest
        // joined the waitlist in that order.
        List<JsonNode> accepted = stored(event, "RegistrationConfirmed", "RegistrationWaitlisted");
        assertThat(accepted).hasSize(CLIENTS * EACH);
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i).get("acceptedAs").asLong()).isEqualTo(i + 1);
            assertThat(accepted.get(i).has("position")).as("entry %d waits", i + 1).isEqualTo(i >= CAPACITY);
        }
        List<String> waitlistInOrder = accepted.subList(CAPACITY, accepted.size()).stream()
                                               .map(e -> e.get("registrationId").get("value").asText()).toList();

        awaitProjections();
        List<JsonNode> table = table(event);
        assertThat(table.stream().filter(r -> r.get("status").asText().equals("CONFIRMED"))
                        .mapToInt(r -> r.get("seats").asInt()).sum()).isEqualTo(CAPACITY);
        assertThat(table.stream().filter(r -> r.get("status").asText().equals("WAITLISTED"))
                        .map(r -> r.get("registrationId").asText())).containsExactlyElementsOf(waitlistInOrder);

        // ---- 30 random cancellations, 5 at a time ---------------------------------------------------------------
        List<Registered> confirmed = new ArrayList<>(all.stream().filter(r -> r.status().equals("CONFIRMED")).toList());
        Collections.shuffle(confirmed, new Random(12));
        List<Registered> cancelled = confirmed.subList(0, CANCELLATIONS);
        ExecutorService few = Executors.newFixedThreadPool(5);
        List<Future<Api.Response>> cancellations = new ArrayList<>();
        for (Registered r : cancelled) {
            cancellations.add(few.submit(() -> new Api(port).delete("/api/v1/organizations/" + r.organization()
                    + "/event-registrations/" + event + "/" + r.registrationId()).token(r.token()).send()));
        }
        for (Future<Api.Response> c : cancellations) {
            assertThat(c.get().status()).as(c.get().toString()).isEqualTo(200);
        }
        pool.shutdown();
        few.shutdown();

        List<JsonNode> promotions = stored(event, "PromotedFromWaitlist");
        assertThat(promotions.stream().map(p -> p.get("registrationId").get("value").asText()))
                .as("exactly the next 30, in order").containsExactlyElementsOf(waitlistInOrder.subList(0, CANCELLATIONS));
        Set<String> cancelledIds = new HashSet<>(cancelled.stream().map(Registered::registrationId).toList());
        assertThat(promotions).allSatisfy(p -> {
            assertThat(p.get("cause").asText()).isEqualTo("CANCELLATION");
            assertThat(cancelledIds).contains(p.get("freedBy").get("value").asText());
        });
        assertThat(promotions.stream().map(p -> p.get("freedBy").get("value").asText()).distinct())
                .as("each cancellation promoted one").hasSize(CANCELLATIONS);

        // each promoted registration is mailed once, to the address of the account that registered it
        Map<String, Long> expected = new java.util.HashMap<>();
        Map<String, String> organizationOf = new java.util.HashMap<>();
        all.forEach(r -> organizationOf.put(r.registrationId(), r.organization()));
        promotions.forEach(p -> expected.merge("admin-" + organizationOf.get(p.get("registrationId").get("value").asText())
                + "@test.example.jp", 1L, Long::sum));
        // the platform's mail server is shared with the other tests of this context: only this test's organizations count
        java.util.Set<String> ours = new java.util.HashSet<>();
        organizationOf.values().forEach(o -> ours.add("admin-" + o + "@test.example.jp"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
                .until(() -> promotionMails(ours).size() >= CANCELLATIONS);
        awaitProjections();
        assertThat(promotionMails(ours)).as("one mail per promotion, none twice").hasSize(CANCELLATIONS);
        Map<String, Long> mailed = new java.util.HashMap<>();
        promotionMails(ours).forEach(to -> mailed.merge(to, 1L, Long::sum));
        assertThat(mailed).isEqualTo(expected);

        List<JsonNode> after = table(event);
        assertThat(after.stream().filter(r -> r.get("status").asText().equals("CONFIRMED"))).hasSize(CAPACITY);
        assertThat(after.stream().filter(r -> r.get("status").asText().equals("WAITLISTED"))
                        .map(r -> r.get("registrationId").asText()))
                .containsExactlyElementsOf(waitlistInOrder.subList(CANCELLATIONS, waitlistInOrder.size()));
        assertThat(after.stream().filter(r -> r.get("status").asText().equals("WAITLISTED")).map(r -> r.get("waitlistPosition").asInt()))
                .containsExactlyElementsOf(range(1, waitlistInOrder.size() - CANCELLATIONS));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private com.icegreen.greenmail.util.GreenMail greenMail;

    /** The recipients of the promotion mails received so far. */
    private List<String> promotionMails(java.util.Set<String> recipients) throws Exception {
        List<String> to = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
            String recipient = message.getAllRecipients()[0].toString();
            if (message.getSubject().startsWith("【参加確定】") && recipients.contains(recipient)) {
                to.add(recipient);
            }
        }
        return to;
    }

    private List<JsonNode> table(String event) {
        Api.Response response = api.get("/api/v1/events/" + event + "/registrations").token(TestTokens.secretariat()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().forEach(rows::add);
        return rows;
    }

    /** The event's stored events of these types, in the order the event store holds them. */
    private List<JsonNode> stored(String event, String... types) {
        StringBuilder where = new StringBuilder();
        for (String type : types) {
            where.append(where.isEmpty() ? "" : " OR ").append("payloadtype LIKE '%.").append(type).append("'");
        }
        return jdbc.query("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND (" + where
                        + ") ORDER BY sequencenumber",
                (rs, i) -> {
                    try {
                        return JSON.readTree(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, event);
    }

    private static List<Integer> range(int first, int last) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
