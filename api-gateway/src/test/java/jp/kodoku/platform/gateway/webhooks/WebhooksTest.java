package jp.kodoku.platform.gateway.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebhookReceiver;
import jp.kodoku.platform.gateway.support.WebhookReceiver.Received;
import jp.kodoku.platform.webhooks.SubscriptionSecrets;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks through the real HTTP API with a real app's token (client-credentials from the test Keycloak), delivered to
 * a receiver on loopback that verifies every signature as a third party would (the test configuration allows loopback,
 * retries after 0.5 s doubling to 2 s, and gives up after 30 s).
 */
class WebhooksTest extends ApiTest {

    private static final String APPROVED = "jp.kodoku.platform.membership.member.approved";
    private static final String CATEGORY_CHANGED = "jp.kodoku.platform.membership.category.changed";
    private static final String PUBLISHED = "jp.kodoku.platform.events.event.published";
    private static final Duration DELIVERED_SOON = Duration.ofSeconds(60);

    @Autowired
    private GreenMail greenMail;
    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private SchedulerClient scheduler;

    @Autowired
    private SubscriptionSecrets secrets;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void a_new_member_reaches_the_subscriber_as_a_signed_cloud_event_whose_id_is_the_events() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED);
        receiver.trust(subscription.secret());

        String organization = new Members(api).activeMember(Samples.application());

        Received received = await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 1).get(0);
        String eventId = jdbc.queryForObject("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? "
                                             + "AND payloadtype LIKE '%MembershipApplicationApproved'", String.class,
                                             organization);
        assertThat(received.verifiedBy()).containsExactly(true);
        assertThat(received.webhookId()).isEqualTo(eventId);
        assertThat(received.contentType()).startsWith("application/cloudevents+json");
        JsonNode event = received.event();
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("type").asText()).isEqualTo(APPROVED);
        assertThat(event.get("source").asText()).isEqualTo("/kodoku-platform/membership");
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("data").get("category").asText()).isEqualTo("REGULAR");
        assertThat(event.get("data").toString()).doesNotContain("@").doesNotContain("primaryContact");

        JsonNode log = api.get("/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries").token(app).send().json();
        assertThat(log.get("items")).anySatisfy(attempt -> {
            assertThat(attempt.get("eventId").asText()).isEqualTo(eventId);
            assertThat(attempt.get("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(attempt.get("responseStatus").asInt()).isEqualTo(204);
            assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
            assertThat(attempt.get("position").asLong()).isEqualTo(received.sequence());
        });
    }

    @Test
    void a_new_subscription_receives_what_happens_after_it_not_what_delivery_had_not_reached_when_it_was_made() {
        String app = appToken("directory:read");
        StreamingEventProcessor delivery = processing.eventProcessor("webhooks", StreamingEventProcessor.class)
                                                     .orElseThrow();
        String before;
        Subscription subscription;
        delivery.shutDown(); // as a busy or restarting node would: the processor is behind the stream's head
        try {
            before = new Members(api).activeMember(Samples.application());
            subscription = subscribe(app, receiver.url(), APPROVED);
        } finally {
            delivery.start();
        }
        receiver.trust(subscription.secret());

        String after = new Members(api).activeMember(Samples.application());

        await().atMost(DELIVERED_SOON).until(() -> about(after), r -> r.size() == 1);
        assertThat(about(before)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_deliveries WHERE subscription_id = ? "
                                       + "AND aggregate_id = ?", Long.class, subscription.id(), before)).isZero();
    }

    @Test
    void a_subscriber_that_was_down_receives_everything_once_and_in_order_per_organization_when_it_comes_back() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED, CATEGORY_CHANGED);
        receiver.trust(subscription.secret());
        receiver.down();

        List<String> organizations = List.of(memberWithTwoCategoryChanges(), memberWithTwoCategoryChanges(),
                                             memberWithTwoCategoryChanges());
        await().atMost(DELIVERED_SOON).until(() -> receiver.refused() >= 3);
        receiver.up();

        await().atMost(DELIVERED_SOON).untilAsserted(() ->
                organizations.forEach(o -> assertThat(about(o)).hasSize(3)));
        for (String organization : organizations) {
            List<Received> its = about(organization);
            assertThat(its).extracting(Received::type).containsExactly(APPROVED, CATEGORY_CHANGED, CATEGORY_CHANGED);
            assertThat(its).extracting(Received::sequence).isSorted();
            assertThat(its).extracting(Received::webhookId).doesNotHaveDuplicates();
            assertThat(its).allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
            assertThat(its.get(2).event().get("data").get("to").asText()).isEqualTo("COOPERATING");
        }
    }

    @Test
    void a_replay_from_a_position_redelivers_every_event_since_with_the_same_ids_in_order() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED, CATEGORY_CHANGED);
        receiver.trust(subscription.secret());
        String organization = memberWithTwoCategoryChanges();
        List<Received> first = await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 3);

        Api.Response replay = api.post("/api/v1/webhook-subscriptions/" + subscription.id() + "/replays").token(app)
                                 .body(Map.of("fromPosition", first.get(0).sequence())).send();

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().get("events").asInt()).isGreaterThanOrEqualTo(3);
        List<Received> both = await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 6);
        assertThat(both.subList(3, 6)).extracting(Received::webhookId)
                                      .containsExactlyElementsOf(first.stream().map(Received::webhookId).toList());
        assertThat(both.subList(3, 6)).allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
    }

    @Test
    void during_a_rotation_both_secrets_sign_and_without_an_overlap_only_the_new_one() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED);
        String path = "/api/v1/webhook-subscriptions/" + subscription.id() + "/secret";

        String rotated = api.post(path).token(app).body(Map.of("overlapHours", 1)).send().json().get("secret").asText();
        receiver.trust(rotated, subscription.secret());
        String during = new Members(api).activeMember(Samples.application());
        Received overlapping = await().atMost(DELIVERED_SOON).until(() -> about(during), r -> r.size() == 1).get(0);

        String newest = api.post(path).token(app).body(Map.of("overlapHours", 0)).send().json().get("secret").asText();
        receiver.trust(newest, rotated);
        String after = new Members(api).activeMember(Samples.application());
        Received alone = await().atMost(DELIVERED_SOON).until(() -> about(after), r -> r.size() == 1).get(0);

        assertThat(overlapping.signatureHeader().split(" ")).hasSize(2);
        assertThat(overlapping.verifiedBy()).containsExactly(true, true);
        assertThat(alone.signatureHeader().split(" ")).hasSize(1);
        assertThat(alone.verifiedBy()).containsExactly(true, false);
    }

    @Test
    void a_members_only_event_never_reaches_an_app_and_a_public_one_does() {
        String app = appToken("events:read");
        Subscription subscription = subscribe(app, receiver.url(), PUBLISHED);
        receiver.trust(subscription.secret());
        Events events = new Events(api);

        String membersOnly = events.published(Events.with(Events.workshop(10), "visibility", "MEMBERS_ONLY"));
        String open = events.published(Events.workshop(10));

        await().atMost(DELIVERED_SOON).until(() -> about(open), r -> r.size() == 1);
        assertThat(about(membersOnly)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_deliveries WHERE aggregate_id = ?", Long.class,
                                       membersOnly)).isZero();
    }

    @Test
    void the_delivery_log_says_how_far_back_it_reaches_and_the_hourly_task_removes_what_is_older() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED, CATEGORY_CHANGED);
        receiver.trust(subscription.secret());
        String organization = memberWithTwoCategoryChanges();
        List<Received> delivered = await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 3);
        // given the first delivery and its attempt were made 31 days ago, beyond the 30 days kept
        String old = delivered.get(0).webhookId();
        Timestamp monthAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(31)));
        jdbc.update("UPDATE webhook_deliveries SET created_at = ?, updated_at = ? WHERE subscription_id = ? "
                    + "AND event_id = ?", monthAgo, monthAgo, subscription.id(), old);
        jdbc.update("UPDATE webhook_delivery_attempts SET attempted_at = ? WHERE subscription_id = ? AND event_id = ?",
                    monthAgo, subscription.id(), old);

        // when the housekeeping task runs (now rather than within the hour)
        scheduler.reschedule(TaskInstanceId.of("webhooks.housekeeping", RecurringTask.INSTANCE), Instant.now());

        // then the log holds the two recent deliveries only, and says it reaches back 30 days
        String log = "/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries";
        await().atMost(DELIVERED_SOON).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT COUNT(*) FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ?",
                                    Long.class, subscription.id(), old)).isZero());
        JsonNode page = api.get(log).token(app).send().json();
        assertThat(page.get("items")).extracting(a -> a.get("eventId").asText())
                .containsExactlyInAnyOrder(delivered.get(1).webhookId(), delivered.get(2).webhookId());
        assertThat(page.get("keptFor").asText()).isEqualTo("PT720H");
        assertThat(Duration.between(Instant.parse(page.get("keptSince").asText()), Instant.now()))
                .isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(5));
    }

    @Test
    void a_subscriber_failing_for_longer_than_allowed_is_disabled_with_the_reason_and_its_owner_is_mailed() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED);
        receiver.failing();

        new Members(api).activeMember(Samples.application());

        JsonNode disabled = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> api.get("/api/v1/webhook-subscriptions/" + subscription.id()).token(app).send().json(),
                s -> "DISABLED".equals(s.get("state").asText()));
        assertThat(disabled.get("disabledReason").asText()).contains("HTTP 500").contains("replay from position");
        JsonNode log = api.get("/api/v1/webhook-subscriptions/" + subscription.id() + "/deliveries").token(app).send().json();
        assertThat(log.get("items")).hasSizeGreaterThan(2).allSatisfy(attempt -> {
            assertThat(attempt.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(attempt.get("responseStatus").asInt()).isEqualTo(500);
            assertThat(attempt.get("responseExcerpt").asText().codePointCount(0,
                    attempt.get("responseExcerpt").asText().length())).isLessThanOrEqualTo(200);
        });
        await().atMost(DELIVERED_SOON).untilAsserted(() -> assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> mentions(m, subscription.id()))).isNotEmpty());
    }

    @Test
    void the_signing_secret_is_kept_sealed_and_its_key_is_destroyed_with_the_subscription() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED);
        receiver.trust(subscription.secret());

        String stored = jdbc.queryForObject("SELECT secret FROM webhook_subscriptions WHERE id = ?", String.class,
                                            subscription.id());
        assertThat(stored).isNotEqualTo(subscription.secret()).doesNotStartWith("whsec_")
                          .doesNotContain(subscription.secret().substring("whsec_".length()));
        String organization = new Members(api).activeMember(Samples.application());
        assertThat(await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 1).get(0)
                          .verifiedBy()).containsExactly(true);

        Api.Response removed = api.delete("/api/v1/webhook-subscriptions/" + subscription.id()).token(app).send();

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_keys WHERE subject = ? AND secret IS NULL "
                                       + "AND erased_at IS NOT NULL", Long.class,
                                       "webhook-subscription:" + subscription.id())).isEqualTo(1);
    }

    @Test
    void a_secret_stored_before_secrets_were_sealed_is_sealed_when_a_node_starts_and_still_signs() {
        String app = appToken("directory:read");
        Subscription subscription = subscribe(app, receiver.url(), APPROVED);
        receiver.trust(subscription.secret());
        // given a row as it was written before the secrets were sealed
        jdbc.update("UPDATE webhook_subscriptions SET secret = ? WHERE id = ?", subscription.secret(), subscription.id());

        // when a node starts
        secrets.sealPlainSecrets();

        // then the row holds it sealed, and deliveries are signed with it
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook_subscriptions WHERE id = ?", String.class,
                                       subscription.id())).doesNotStartWith("whsec_");
        String organization = new Members(api).activeMember(Samples.application());
        assertThat(await().atMost(DELIVERED_SOON).until(() -> about(organization), r -> r.size() == 1).get(0)
                          .verifiedBy()).containsExactly(true);
    }

    @Test
    void a_revoked_apps_subscriptions_are_disabled() {
        String[] app = registerApp("directory:read");
        String token = TestTokens.KEYCLOAK.clientToken(app[0], app[1]);
        Subscription subscription = subscribe(token, receiver.url(), APPROVED);

        Api.Response revoked = api.delete("/api/v1/api-clients/" + app[0]).token(TestTokens.secretariat()).send();

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        await().atMost(DELIVERED_SOON).until(() -> jdbc.queryForObject(
                "SELECT state FROM webhook_subscriptions WHERE id = ?", String.class, subscription.id()), "disabled"::equals);
    }

    @Test
    void an_app_sees_only_its_own_subscriptions() {
        Subscription mine = subscribe(appToken("directory:read"), receiver.url(), APPROVED);
        String other = appToken("directory:read");

        Api.Response response = api.get("/api/v1/webhook-subscriptions/" + mine.id()).token(other).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhook-subscriptions").token(other).send().json()).isEmpty();
    }

    @Test
    void an_app_cannot_subscribe_to_a_type_its_scopes_do_not_allow_and_nothing_is_stored() {
        String app = appToken("directory:read");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_subscriptions", Long.class);

        Api.Response response = api.post("/api/v1/webhook-subscriptions").token(app)
                                   .body(Map.of("url", receiver.url(), "eventTypes", List.of(APPROVED, PUBLISHED))).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("eventTypes[1]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_subscriptions", Long.class)).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Subscription(String id, String secret) {
    }

    private Subscription subscribe(String token, String url, String... types) {
        Api.Response created = api.post("/api/v1/webhook-subscriptions").token(token)
                                  .body(Map.of("url", url, "eventTypes", List.of(types))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("secret").asText()).startsWith("whsec_");
        return new Subscription(created.json().get("subscriptionId").asText(), created.json().get("secret").asText());
    }

    private String appToken(String... scopes) {
        String[] app = registerApp(scopes);
        return TestTokens.KEYCLOAK.clientToken(app[0], app[1]);
    }

    /** An outside system's app (no organization): its owner is the secretariat's address. */
    private String[] registerApp(String... scopes) {
        Api.Response registered = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                     .body(Map.of("name", "連携アプリ" + System.nanoTime(), "scopes", List.of(scopes),
                                                  "ratePerMinute", 10000)).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new String[]{registered.json().get("clientId").asText(), registered.json().get("clientSecret").asText()};
    }

    /** An active member whose category then changes twice: three events of one organization, in order. */
    private String memberWithTwoCategoryChanges() {
        String organization = new Members(api).activeMember(Samples.application());
        for (String[] change : new String[][]{{"SUPPORTING", "2025-04-01"}, {"COOPERATING", "2025-10-01"}}) {
            Api.Response changed = api.post("/api/v1/organizations/" + organization + "/category-change")
                                      .token(TestTokens.secretariat())
                                      .body(Map.of("category", change[0], "reason", "申出", "effectiveDate", change[1]))
                                      .send();
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        return organization;
    }

    private List<Received> about(String subject) {
        return receiver.accepted().stream().filter(r -> r.subject().equals(subject)).toList();
    }

    private static boolean mentions(MimeMessage message, String text) {
        try {
            return message.getSubject().contains("Webhook") && message.getContent().toString().contains(text)
                   || message.getSubject().contains("Webhook") && contentOf(message).contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    private static String contentOf(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(contentOf(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
