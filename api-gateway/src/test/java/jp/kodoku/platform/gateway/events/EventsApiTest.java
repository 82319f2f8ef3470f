package jp.kodoku.platform.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/** The events portal through its HTTP API, with real tokens: the calendar, registration, the waitlist, attendance. */
class EventsApiTest extends ApiTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private PersonalDataVault vault;

    private Events events() {
        return new Events(api);
    }

    @Test
    void the_public_calendar_shows_published_public_events_of_the_month_and_never_a_draft_or_a_members_only_one() {
        Map<String, Object> details = workshop(30);
        String month = ((Map<?, ?>) details.get("schedule")).get("startDate").toString().substring(0, 7);
        String published = events().published(details);
        String draft = events().draft(with(details, "title", "下書きのワークショップ"));
        String assembly = events().published(with(details, "kind", "GENERAL_ASSEMBLY", "title", "令和8年度 総会"));
        awaitProjections();

        List<String> publicIds = ids(api.get("/api/v1/events?month=" + month).send());
        List<String> memberIds = ids(api.get("/api/v1/events?month=" + month).token(TestTokens.memberAdmin(UUID.randomUUID().toString())).send());
        List<String> secretariatIds = ids(api.get("/api/v1/events?month=" + month).token(TestTokens.secretariat()).send());

        assertThat(publicIds).contains(published).doesNotContain(draft, assembly);
        assertThat(memberIds).contains(published, assembly).doesNotContain(draft);
        assertThat(secretariatIds).contains(published, assembly, draft);
    }

    @Test
    void the_calendar_filters_by_kind_and_prefecture() {
        Map<String, Object> details = workshop(30);
        String month = ((Map<?, ?>) details.get("schedule")).get("startDate").toString().substring(0, 7);
        String tokyo = events().published(details);
        String osaka = events().published(with(details, "venue", Map.of("name", "大阪合同庁舎", "address",
                "大阪府大阪市中央区大手前4-1-76", "prefectureCode", "27")));
        String course = events().published(with(details, "kind", "TRAINING_COURSE", "courseLevel", "CHILDREN",
                "title", "つながりサポーター養成講座（こども・若者）"));
        awaitProjections();

        assertThat(ids(api.get("/api/v1/events?month=" + month + "&prefecture=27").send())).contains(osaka)
                .doesNotContain(tokyo, course);
        assertThat(ids(api.get("/api/v1/events?month=" + month + "&kind=TRAINING_COURSE").send())).contains(course)
                .doesNotContain(tokyo, osaka);
    }

    @Test
    void symposiums_are_numbered_in_the_order_they_are_published() {
        Map<String, Object> symposium = with(workshop(100), "kind", "SYMPOSIUM", "title", "孤独・孤立対策シンポジウム");
        String first = events().draft(symposium);
        String second = events().draft(symposium);
        publish(second);
        publish(first);
        awaitProjections();

        int secondNumber = api.get("/api/v1/events/" + second).send().json().get("symposiumNumber").asInt();
        int firstNumber = api.get("/api/v1/events/" + first).send().json().get("symposiumNumber").asInt();
        assertThat(firstNumber).isEqualTo(secondNumber + 1);
    }

    @Test
    void the_online_url_is_shown_only_to_registered_people() {
        String id = events().published(workshop(30));
        String organization = UUID.randomUUID().toString();
        String admin = TestTokens.memberAdmin(organization);
        events().register(id, admin, 2);
        awaitProjections();

        JsonNode event = api.get("/api/v1/events/" + id).send().json();
        assertThat(event.get("online").asBoolean()).isTrue();
        assertThat(event.get("onlineUrl").isNull()).isTrue();
        JsonNode mine = api.get("/api/v1/organizations/" + organization + "/event-registrations").token(admin).send().json();
        assertThat(mine.get(0).get("onlineUrl").asText()).isEqualTo("https://meet.example.jp/workshop");
        assertThat(mine.get(0).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void a_full_event_waitlists_and_a_cancellation_promotes_the_next_at_once() {
        String id = events().published(workshop(3));
        String sakura = UUID.randomUUID().toString();
        String hidamari = UUID.randomUUID().toString();
        String sakuraAdmin = TestTokens.memberAdmin(sakura);
        String hidamariAdmin = TestTokens.memberAdmin(hidamari);
        String first = events().register(id, sakuraAdmin, 3).json().get("registrationId").asText();
        Api.Response waiting = events().register(id, hidamariAdmin, 2);
        assertThat(waiting.json().get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(waiting.json().get("waitlistPosition").asInt()).isEqualTo(1);

        Api.Response cancelled = api.delete("/api/v1/organizations/" + sakura + "/event-registrations/" + id + "/" + first).token(sakuraAdmin).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode theirs = api.get("/api/v1/organizations/" + hidamari + "/event-registrations").token(hidamariAdmin).send().json();
        assertThat(theirs.get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(theirs.get(0).get("promotedBecause").asText()).isEqualTo("CANCELLATION");
        JsonNode event = api.get("/api/v1/events/" + id).send().json();
        assertThat(event.get("confirmedSeats").asInt()).isEqualTo(2);
        assertThat(event.get("waitlistedRegistrations").asInt()).isZero();
    }

    @Test
    void an_organization_cancels_only_its_own_registrations() {
        String id = events().published(workshop(3));
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                      .json().get("registrationId").asText();
        String other = UUID.randomUUID().toString();
        Api.Response refused = api.delete("/api/v1/organizations/" + other + "/event-registrations/" + id + "/"
                + registration).token(TestTokens.memberAdmin(other)).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    }

    @Test
    void a_public_registration_waits_for_its_confirmation_then_shows_its_place_behind_the_private_link() throws Exception {
        String id = events().published(workshop(30));
        long before = eventCount();
        Api.Response received = api.post("/api/v1/events/" + id + "/public-registrations")
                                   .body(Map.of("name", "高橋 陽子", "email", "yoko.takahashi@example.jp", "seats", 2)).send();
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).isEqualTo("PENDING_CONFIRMATION");
        String link = received.json().get("accessUrl").asText();
        String registrationId = received.json().get("registrationId").asText();

        String token = mailedConfirmationToken(id, registrationId);
        assertThat(token).as("the mailed link's token is the one sealed with the request").isEqualTo(
                sealedConfirmationToken(id, registrationId));
        Api.Response confirmed = api.post("/api/v1/events/" + id + "/registrations/confirmation")
                                    .body(Map.of("token", token)).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(eventCount()).isEqualTo(before + 2);
        awaitProjections();

        JsonNode mine = api.get(link).send().json();
        assertThat(mine.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("name").asText()).isEqualTo("高橋 陽子");
        assertThat(mine.get("onlineUrl").asText()).isEqualTo("https://meet.example.jp/workshop");

        Api.Response cancelled = api.delete(link).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get(link).send().json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void an_erased_public_registrant_is_no_longer_readable() {
        String id = events().published(workshop(30));
        Api.Response received = api.post("/api/v1/events/" + id + "/public-registrations")
                                   .body(Map.of("name", "消去 花子", "email", "erase@example.jp", "seats", 1)).send();
        String registrationId = received.json().get("registrationId").asText();
        Api.Response erased = api.post("/api/v1/events/" + id + "/registrations/" + registrationId + "/erasure")
                                 .token(TestTokens.secretariat()).body(Map.of("reason", "本人からの請求")).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode table = api.get("/api/v1/events/" + id + "/registrations").token(TestTokens.secretariat()).send().json();
        assertThat(table.get(0).get("name").isNull()).isTrue();
        assertThat(vault.isErased(registrationId)).isTrue();
    }

    @Test
    void attendance_is_counted_per_event_and_per_fiscal_year() {
        LocalDate today = LocalDate.now(JAPAN);
        Map<String, Object> running = with(workshop(10), "schedule", Map.of("startDate", today.toString(),
                        "endDate", today.plusDays(1).toString()),
                "registration", Map.of("capacity", 10, "closesAt", today.plusDays(1).atTime(12, 0).toString(),
                        "seatLimit", 3));
        String id = events().published(running);
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 3)
                                      .json().get("registrationId").asText();
        Api.Response finished = api.post("/api/v1/events/" + id + "/finish").token(TestTokens.secretariat()).send();
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        Api.Response attended = api.put("/api/v1/events/" + id + "/registrations/" + registration + "/attendance")
                                   .token(TestTokens.secretariat()).body(Map.of("attendedSeats", 2)).send();
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
        awaitProjections();

        int fiscalYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        JsonNode report = api.get("/api/v1/event-attendance?fiscalYear=" + fiscalYear).token(TestTokens.secretariat())
                             .send().json();
        JsonNode row = null;
        for (JsonNode event : report.get("events")) {
            if (event.get("eventId").asText().equals(id)) {
                row = event;
            }
        }
        assertThat(row).as(report.toString()).isNotNull();
        assertThat(row.get("confirmedSeats").asInt()).isEqualTo(3);
        assertThat(row.get("attendedSeats").asInt()).isEqualTo(2);
        assertThat(report.get("from").asText()).isEqualTo(fiscalYear + "-04-01");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_stores_nothing() {
        String id = events().published(workshop(10));
        String admin = TestTokens.memberAdmin(UUID.randomUUID().toString());
        Map<String, Object> d = workshop(10);
        String day = ((Map<?, ?>) d.get("schedule")).get("startDate").toString();
        long before = eventCount();

        problem(api.post("/api/v1/events").token(TestTokens.secretariat()).body(with(d, "schedule",
                Map.of("startDate", day, "endDate", LocalDate.parse(day).minusDays(1).toString()))).send(), 400,
                "schedule.endDate");
        problem(api.post("/api/v1/events").token(TestTokens.secretariat()).body(with(d, "registration",
                Map.of("capacity", 0, "seatLimit", 1))).send(), 400, "registration.capacity");
        problem(api.post("/api/v1/events").token(TestTokens.secretariat()).body(with(d, "registration",
                Map.of("capacity", -3, "seatLimit", 1))).send(), 400, "registration.capacity");
        problem(api.post("/api/v1/events/" + id + "/registrations").token(admin).body(Map.of("seats", 4)).send(), 400,
                "seats");
        problem(api.post("/api/v1/events/" + id + "/public-registrations").body(Map.of("name", "<img src=x onerror=alert(1)>",
                "email", "x@example.jp", "seats", 1)).send(), 400, "name");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_registration_outside_its_window_is_refused() {
        String id = events().published(with(workshop(10), "registration", Map.of("capacity", 10,
                "opensAt", LocalDateTime.now(JAPAN).plusDays(2).withSecond(0).withNano(0).toString(), "seatLimit", 2)));
        long before = eventCount();
        Api.Response refused = api.post("/api/v1/events/" + id + "/registrations")
                                  .token(TestTokens.memberAdmin(UUID.randomUUID().toString())).body(Map.of("seats", 1)).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("registration-window-closed");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_secretariat_downloads_the_registrations_and_the_waitlist_as_csv_for_excel_without_addresses() throws Exception {
        String id = events().published(workshop(3));
        String tag = jp.kodoku.platform.gateway.support.Samples.uniqueKana();
        String hidamari = new jp.kodoku.platform.gateway.support.Members(api).activeMember(
                jp.kodoku.platform.gateway.support.Samples.application("ＮＰＯ法人\"ひだまり\",東京" + tag, "ヒダマリ" + tag));
        String confirmed = events().register(id, TestTokens.memberAdmin(hidamari), 3).json().get("registrationId").asText();
        String waiting = events().register(id, TestTokens.memberAdmin(hidamari), 1).json().get("registrationId").asText();
        String pending = api.post("/api/v1/events/" + id + "/public-registrations")
                            .body(Map.of("name", "高橋 陽子", "email", "yoko.csv@example.jp", "seats", 1)).send()
                            .json().get("registrationId").asText();
        awaitProjections();

        Api.Response response = api.get("/api/v1/events/" + id + "/registrations.csv").token(TestTokens.secretariat()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"event-" + id + "-registrations-");
        String text = response.text();
        assertThat(text).startsWith("\uFEFF申込ID,申込者,区分,席数,状態,キャンセル待ち順,申込日時\r\n");
        assertThat(text).doesNotContain("yoko.csv@example.jp", "@");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text.substring(1))).getRecords();
        assertThat(rows).extracting(r -> r.get("申込ID")).containsExactly(confirmed, waiting, pending);
        assertThat(rows).extracting(r -> r.get("申込者")).containsExactly("ＮＰＯ法人\"ひだまり\",東京" + tag,
                "ＮＰＯ法人\"ひだまり\",東京" + tag, "高橋 陽子");
        assertThat(rows).extracting(r -> r.get("区分")).containsExactly("会員団体", "会員団体", "一般");
        assertThat(rows).extracting(r -> r.get("席数")).containsExactly("3", "1", "1");
        assertThat(rows).extracting(r -> r.get("状態")).containsExactly("参加確定", "キャンセル待ち", "メール確認待ち");
        assertThat(rows).extracting(r -> r.get("キャンセル待ち順")).containsExactly("", "1", "");
        JsonNode table = api.get("/api/v1/events/" + id + "/registrations").token(TestTokens.secretariat()).send().json();
        for (int i = 0; i < rows.size(); i++) {
            String inJapan = java.time.Instant.parse(table.get(i).get("registeredAt").asText()).atZone(JAPAN)
                                              .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            assertThat(rows.get(i).get("申込日時")).isEqualTo(inJapan);
        }
    }

    private void publish(String id) {
        Api.Response published = api.post("/api/v1/events/" + id + "/publication").token(TestTokens.secretariat()).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private static void problem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString()).contains(field);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(e -> ids.add(e.get("eventId").asText()));
        return ids;
    }

    @Autowired
    private com.icegreen.greenmail.util.GreenMail greenMail;

    /** The token of the confirmation link in the mail the registrant received. */
    private String mailedConfirmationToken(String eventId, String registrationId) throws Exception {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/events/" + eventId
                + "/registrations/confirm\\?token=([A-Za-z0-9_-]+)");
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
                java.util.regex.Matcher found = link.matcher(Mailbox.text(message));
                if (found.find()) {
                    return found.group(1);
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    /** The token as the request's event holds it, sealed for the mail sender: the mail carries the same one. */
    private String sealedConfirmationToken(String eventId, String registrationId) throws Exception {
        String payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%.PublicRegistrationRequested' AND payload IS NOT NULL "
                        + "ORDER BY sequencenumber DESC LIMIT 1",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), eventId);
        JsonNode sealed = JSON.readTree(payload).get("confirmationToken");
        assertThat(sealed.get("subject").asText()).isEqualTo(registrationId);
        return vault.unseal(new SealedValue(sealed.get("subject").asText(), sealed.get("ciphertext").asText())).orElseThrow();
    }
}
