package jp.kodoku.platform.gateway.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.demo.DemoData;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import jp.kodoku.platform.infra.readmodel.Projections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as `bin/start` runs it: no database configured, so events go to the H2 file database and read models
 * to the in-process MongoDB wire server, both under the data directory, with the demo data created on first start.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedPlatformTest {

    private static final Path DATA = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Projections projections;

    Api api;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("platform.data-dir", DATA::toString);
        registry.add("platform.demo-data.enabled", () -> "true");
        registry.add("platform.applications.rate-limit.per-hour", () -> "3");
        registry.add("platform.security.issuer-uri", TestTokens::issuer);
        registry.add("platform.security.jwk-set-uri", TestTokens::jwkSetUri);
        // bin/start runs a Keycloak too: the accounts of suspended and withdrawn demo members are looked up there
        registry.add("platform.keycloak.server-url", TestTokens.KEYCLOAK::serverUrl);
        registry.add("platform.keycloak.client-secret", () -> LocalKeycloak.BACKEND_SECRET);
    }

    @BeforeEach
    void caughtUp() {
        api = new Api(port);
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
        await().atMost(Duration.ofMinutes(2)).until(() -> projections.reached(head));
    }

    @Test
    void runs_on_files_under_the_data_directory_with_nothing_installed() {
        assertThat(jdbc.queryForObject("SELECT DATABASE_PATH()", String.class)).startsWith(DATA.toString());
        assertThat(DATA.resolve("readmodels.mv.db")).exists();
    }

    @Test
    void the_demo_data_reproduces_the_published_figure_of_371_members_on_2022_12_01() {
        JsonNode counts = api.get("/api/v1/statistics/members?asOf=2022-12-01").send().json();

        assertThat(counts.get("total").asInt()).isEqualTo(371);
        assertThat(counts.get("byCategory").get("REGULAR").asInt()).isEqualTo(234);
        assertThat(counts.get("byCategory").get("COOPERATING").asInt()).isEqualTo(114);
        assertThat(counts.get("byCategory").get("SUPPORTING").asInt()).isEqualTo(23);
    }

    @Test
    void the_figures_on_other_dates_follow_the_history() {
        int before = api.get("/api/v1/statistics/members?asOf=2022-02-01").send().json().get("total").asInt();
        int later = api.get("/api/v1/statistics/members?asOf=2025-12-31").send().json().get("total").asInt();
        assertThat(before).isZero();
        assertThat(later).isGreaterThan(371);
    }

    @Test
    void the_lead_organizations_are_steering_members_and_can_be_found_by_part_of_their_name() {
        JsonNode steering = api.get("/api/v1/directory?steeringMember=true&limit=100").send().json().get("items");
        assertThat(steering.findValuesAsText("name")).contains("自殺対策支援センターライフリンク", "全国社会福祉協議会",
                "日本いのちの電話連盟");

        JsonNode found = api.get("/api/v1/directory?q=" + URLEncoder.encode("ライフリンク", StandardCharsets.UTF_8)).send()
                            .json().get("items");
        assertThat(found.findValuesAsText("name")).contains("自殺対策支援センターライフリンク");
        assertThat(found.toString()).doesNotContain("@").as("no contact data in the public directory");
    }

    @Test
    void the_secretariat_sees_the_open_applications_of_the_demo_data() {
        JsonNode open = api.get("/api/v1/organizations?status=APPLIED&status=RETURNED_FOR_CHANGES").token(TestTokens.secretariat())
                           .send().json().get("items");
        assertThat(open.size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void the_secretariat_finds_the_demo_members_profile_proposal_waiting_and_the_public_the_published_text() {
        JsonNode queue = api.get("/api/v1/profile-proposals").token(TestTokens.secretariat()).send().json().get("items");
        assertThat(queue.findValuesAsText("organizationName")).contains(DemoData.PROPOSING_ORGANIZATION);
        assertThat(queue.findValuesAsText("to")).contains(DemoData.PROPOSED_DESCRIPTION);
        JsonNode setting = api.get("/api/v1/settings/profile-moderation").token(TestTokens.secretariat()).send().json();
        assertThat(setting.get("enabled").asBoolean()).as("moderation is off when the demo starts").isFalse();

        String id = DemoData.idOf(DemoData.PROPOSING_ORGANIZATION).value();
        assertThat(api.get("/api/v1/directory/" + id).send().json().get("publicDescription").asText())
                .isNotEqualTo(DemoData.PROPOSED_DESCRIPTION);
    }

    @Test
    void applications_from_one_address_are_rate_limited_with_retry_after() {
        int accepted = 0;
        Api.Response response;
        do {
            response = api.post("/api/v1/applications").body(Samples.application()).send();
            if (response.status() == 201) {
                accepted++;
            }
        } while (response.status() == 201 && accepted < 10);

        assertThat(accepted).isEqualTo(3);
        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_demo_data_has_the_events_of_seed_004_and_upcoming_ones_with_a_waitlist() {
        JsonNode fy2022 = api.get("/api/v1/events?from=2022-03-01&to=2023-03-31").send().json();
        assertThat(fy2022.findValuesAsText("title")).contains("“多様な各種の居場所“の多様性と種別について",
                "孤独・孤立の実態把握に関する全国調査の結果に見る課題の背景と取組",
                "「声を上げやすい・声をかけやすい社会」に向けた取組の在り方");
        for (JsonNode event : fy2022) {
            assertThat(event.get("status").asText()).isEqualTo("FINISHED");
            if (event.get("kind").asText().equals("SYMPOSIUM")) {
                assertThat(event.get("symposiumNumber").asInt()).isEqualTo(
                        event.get("schedule").get("startDate").asText().equals("2022-06-21") ? 1 : 2);
            }
        }

        JsonNode upcoming = api.get("/api/v1/events").send().json();
        assertThat(upcoming.findValuesAsText("kind")).contains("TRAINING_COURSE", "WORKSHOP", "CAMPAIGN", "CAMPAIGN_EVENT")
                                                     .doesNotContain("GENERAL_ASSEMBLY");
        JsonNode full = null;
        for (JsonNode event : upcoming) {
            if (event.get("title").asText().equals("相談から支援へのつなぎ方")) {
                full = event;
            }
        }
        assertThat(full).as(upcoming.toString()).isNotNull();
        assertThat(full.get("confirmedSeats").asInt()).isEqualTo(10);
        assertThat(full.get("waitlistedRegistrations").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/events").token(TestTokens.secretariat()).send().json().findValuesAsText("kind"))
                .contains("GENERAL_ASSEMBLY");
    }

    @Test
    void the_public_reads_the_decision_trail_of_seed_004_from_the_meetings_to_their_deliverables() {
        JsonNode trail = api.get("/api/v1/subcommittees/bunkakai-3/decision-trail").send().json();
        JsonNode steps = trail.get("steps");
        assertThat(java.util.stream.StreamSupport.stream(steps.spliterator(), false).map(step -> step.get("title").asText()))
                .startsWith("第1回 分科会3", "第2回 分科会3", "第3回 分科会3");
        assertThat(steps.get(0).get("minutes").get("status").asText()).isEqualTo("FINALIZED");
        assertThat(steps.get(0).get("minutes").get("audience").asText()).isEqualTo("PUBLIC");
        assertThat(steps.get(2).get("deliverables").findValuesAsText("date")).containsExactly("2023-03-16");
        assertThat(steps.get(2).get("deliverables").findValuesAsText("title")).containsExactly("中間整理");
        assertThat(api.get("/api/v1/subcommittees/bunkakai-1/deliverables").send().json().findValuesAsText("date"))
                .containsExactly("2022-10-07");
        assertThat(api.get("/api/v1/subcommittees/bunkakai-2/deliverables").send().json().findValuesAsText("date"))
                .containsExactly("2022-11-09");
        assertThat(api.get("/api/v1/subcommittees/bunkakai-3/polls").token(TestTokens.secretariat()).send().json()
                      .findValuesAsText("status")).contains("OPEN");
    }

    @Test
    void the_demo_newsletter_has_public_issues_in_the_archive_proposals_in_each_state_and_public_subscribers() {
        JsonNode archive = api.get("/api/v1/newsletter/archive").send().json();
        assertThat(archive.findValuesAsText("subject")).contains("孤独・孤立対策官民連携プラットフォーム メールマガジン 創刊号")
                .noneMatch(subject -> subject.contains("会員向け"));
        // 第16号 (2022-07-04; 第11号 went to members only) has the one members-only item of the year
        JsonNode issue = api.get("/api/v1/newsletter/archive/16").send().json();
        assertThat(issue.get("sentAt").asText()).isEqualTo("2022-07-04T01:00:00Z");
        assertThat(issue.findValuesAsText("title")).contains("7月1日現在の会員数は259団体です")
                .doesNotContain("【会員限定】幹事会の開催結果");
        JsonNode proposals = api.get("/api/v1/newsletter/proposals").token(TestTokens.secretariat()).send().json();
        assertThat(proposals.findValuesAsText("status")).contains("PROPOSED", "DEFERRED", "ACCEPTED", "REJECTED");
        JsonNode accepted = api.get("/api/v1/newsletter/proposals?status=ACCEPTED").token(TestTokens.secretariat()).send().json();
        assertThat(accepted.findValuesAsText("edited")).containsExactly("true");
        JsonNode issues = api.get("/api/v1/newsletter/issues").token(TestTokens.secretariat()).send().json();
        assertThat(issues.findValuesAsText("status")).contains("SENT", "SCHEDULED", "DRAFT");
        // six asked through the public form: four confirmed and stayed, one left again, one never confirmed
        assertThat(api.get("/api/v1/newsletter/recipient-count?audience=PUBLIC").token(TestTokens.secretariat()).send()
                      .json().get("recipients").asLong()).isEqualTo(4);
        String subscriber = java.util.UUID.nameUUIDFromBytes("demo-subscriber:sato.hanako@example.jp"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        JsonNode ledger = api.get("/api/v1/newsletter/subscriptions/" + subscriber + "/consent-ledger")
                             .token(TestTokens.secretariat()).send().json();
        assertThat(ledger.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ledger.get("entries").findValuesAsText("what")).containsExactly("REQUESTED", "CONFIRMED");
    }

    @Test
    void the_newsletter_archive_holds_a_year_of_weekly_issues_from_march_2022_sent_on_their_dates() {
        JsonNode reiwa4 = api.get("/api/v1/newsletter/archive?fiscalYear=2022").send().json();
        assertThat(reiwa4).hasSize(52);
        assertThat(reiwa4.get(51).get("sentAt").asText()).isEqualTo("2022-04-04T01:00:00Z");
        assertThat(reiwa4.get(0).get("sentAt").asText()).isEqualTo("2023-03-27T01:00:00Z");
        JsonNode first = api.get("/api/v1/newsletter/archive/1").send().json();
        assertThat(first.get("subject").asText()).isEqualTo("孤独・孤立対策官民連携プラットフォーム メールマガジン 創刊号");
        assertThat(first.get("sentAt").asText()).isEqualTo("2022-03-28T01:00:00Z");
        assertThat(first.findValuesAsText("title")).contains("事務局訪問記：全国社会福祉協議会を訪ねて");
        assertThat(api.get("/api/v1/newsletter/archive?fiscalYear=2023").send().json().findValuesAsText("subject"))
                .containsExactly("孤独・孤立対策官民連携プラットフォーム メールマガジン（2023年4月3日号）");

        String page = api.get("/newsletter").send().text();
        assertThat(page).contains("令和4年度", "令和5年度");

        JsonNode sent = api.get("/api/v1/feed?kind=NEWSLETTER_ISSUE_SENT&to=2022-04-01").send().json();
        assertThat(sent.findValuesAsText("text")).containsExactly(
                "メールマガジン第1号「孤独・孤立対策官民連携プラットフォーム メールマガジン 創刊号」を配信しました");
        assertThat(sent.findValuesAsText("occurredAt")).containsExactly("2022-03-28T01:00:00Z");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("platform-embedded-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
