package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.ImportFiles;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.RawHttp;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile inputs, generated as every endpoint × every class of hostile value that applies to it: query
 * parameters outside the contract, text nobody types, dates outside the platform's range, broken JSON structure,
 * addresses no mail system delivers to, encoded separators in a path. Each answers 4xx with a problem naming what was
 * refused, and the event store is exactly as before.
 */
class HostileInputCorpusTest extends ApiTest {

    /** An endpoint as the corpus calls it: {@code {id}} and the other variables are replaced by real or well-formed ids. */
    record Endpoint(String method, String path, Map<String, Object> body, Map<String, String> headers) {

        String name() {
            return method + " " + path;
        }
    }

    record Case(String name, Endpoint endpoint, String query, String body, String field, boolean raw) {
    }

    private static final Map<String, String> ID = Map.of("{id}", "", "{contactId}", "c-00000000", "{userId}",
            "00000000-0000-0000-0000-000000000000", "{clientId}", "client-0000", 
            "{name}", "statistics", "{organizationId}", "", "{proposalId}", "p-00000000");

    private static final List<String> FOREIGN_PARAMETERS = List.of("category[$ne]", "q[$gt]");
    private static final Map<String, String> HOSTILE_TEXT = Map.of(
            "NUL", "前\u0000後", "a lone surrogate", "前\ud800後", "a bidirectional override", "\u202Eevil.exe");
    private static final List<String> HOSTILE_DATES = List.of("1800-01-01", "-999999999-01-01", "+999999999-12-31",
            "2099-12-31");
    private static final List<String> HOSTILE_EMAILS = List.of("花子@example.jp", "hanako@localhost");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private static String organizationId;
    private static String accessToken;
    private static String subcommitteeId;
    private static String pollId;
    private static String slotId;
    private static String meetingId;

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
        e.add(new Endpoint("GET", "/api/v1/directory", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/directory/{organizationId}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/statistics/members", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/applications", Samples.application(), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/applications/access/{token}", null, Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/applications/access/{token}", resubmission(), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations.csv", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/statistics/members.csv", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{id}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{id}/history", null, Map.of()));
        e.add(new Endpoint("PATCH", "/api/v1/organizations/{id}/profile", map("name", "新しい名前の居場所", "website",
                "https://new.example.jp", "publicDescription", "説明です。"), ifMatch));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/contacts", map("name", "追加 太郎", "email",
                "taro@corpus.example.jp", "phone", "03-5555-0000", "department", "事務局"), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/organizations/{id}/contacts/{contactId}", map("name", "変更 太郎", "email",
                "taro2@corpus.example.jp", "phone", "03-5555-0001", "department", "広報"), ifMatch));
        e.add(new Endpoint("DELETE", "/api/v1/organizations/{id}/contacts/{contactId}", null, Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/organizations/{id}/primary-contact", map("contactId", "c-00000000"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/contacts/{contactId}/erasure", map("reason", "本人からの請求"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/category-change", map("category", "SUPPORTING", "reason", "申出",
                "effectiveDate", "2025-04-01"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/steering-term", map("termStart", "2024-06-01", "termEnd",
                "2026-05-31"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/steering-term/end", map("endedOn", "2025-03-31", "reason",
                "任期満了"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/suspension", map("reason", "確認中"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/reinstatement", map("reason", "確認できました"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/withdrawal", map("kind", "REQUESTED_BY_MEMBER", "reason",
                "活動終了", "effectiveDate", "2025-03-31"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/approval", map("joinedOn", "2024-04-01"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/rejection", map("reason", "対象外"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/send-back", map("comment", "ご確認ください"), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{id}/admins", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/admins", map("name", "招待 三郎", "email",
                "saburo@corpus.example.jp"), Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/organizations/{id}/admins/{userId}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/api-clients", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/api-clients", map("name", "コーパス", "organizationId", "org-1",
                "scopes", List.of("directory:read"), "allowedOrigins", List.of("https://app.example.jp")), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/api-clients/{clientId}", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/api-clients/{clientId}/secret", null, Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/api-clients/{clientId}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/admin/projections", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/admin/projections/{name}/rebuild", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organization-imports/dry-run", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organization-imports", null, Map.of()));
        // moderated profile changes; "enabled": false, so that nothing here could switch moderation on for others
        e.add(new Endpoint("GET", "/api/v1/settings/profile-moderation", null, Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/settings/profile-moderation", map("enabled", false), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/profile-proposals", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{id}/profile-proposals", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/profile-proposals/{proposalId}/approval",
                map("note", "確認しました"), ifMatch));
        e.add(new Endpoint("POST", "/api/v1/organizations/{id}/profile-proposals/{proposalId}/rejection",
                map("reason", "確認できません"), ifMatch));
        e.addAll(subcommitteeEndpoints());
        e.addAll(webhookEndpoints());
        return e;
    }

    /** {subcommitteeId} is a real subcommittee led by the corpus's organization, so bodies reach their checks. */
    static List<Endpoint> subcommitteeEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", "/api/v1/subcommittees", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/members", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{organizationId}/subcommittees", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees", map("title", "コーパス分科会", "theme", "検討する。",
                "number", 998, "leadOrganizationIds", List.of("00000000-0000-0000-0000-000000000000")), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/subcommittees/{subcommitteeId}/lead-organizations",
                map("organizationIds", List.of("00000000-0000-0000-0000-000000000000")), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/closure", map("reason", "確認"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/chairs",
                map("userId", "00000000-0000-0000-0000-000000000000"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/chairs/{userId}/end", map("reason", "任期満了"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/members",
                map("organizationId", "00000000-0000-0000-0000-000000000000"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/members/{organizationId}/removal",
                map("reason", "本人の申出"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/membership-requests",
                map("organizationId", "00000000-0000-0000-0000-000000000000", "note", "参加したい"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/approval",
                null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/decline",
                map("reason", "定員です"), Map.of()));
        String inAWeek = java.time.LocalDate.now().plusDays(7).toString();
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/meetings", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/polls", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/polls", map("title", "日程調整",
                "deadline", java.time.LocalDate.now().plusDays(3) + "T17:00",
                "slots", List.of(map("date", inAWeek, "start", "14:00", "end", "16:00"))), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots",
                map("date", inAWeek, "start", "10:00", "end", "12:00"), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots/{slotId}",
                map("date", inAWeek, "start", "09:00", "end", "11:00"), Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots/{slotId}", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/confirmation",
                map("slotId", "{slotId}"), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/answers/{organizationId}",
                map("answers", map("{slotId}", map("choice", "YES", "comment", "参加できます"))), Map.of()));
        // meetings (a meeting is scheduled by a confirmed poll of its own, see path())
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/rescheduling",
                map("date", java.time.LocalDate.now().plusDays(20).toString(), "start", "10:00", "end", "12:00",
                        "reason", "会場の都合により"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/cancellation",
                map("reason", "台風の接近のため"), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/place",
                map("venue", "東京都千代田区霞が関1-2-2 会議室A", "onlineUrl", "https://meet.example.jp/corpus"), Map.of()));
        e.addAll(meetingRecordEndpoints());
        e.addAll(eventEndpoints());
        e.addAll(activityEndpoints());
        e.addAll(newsletterEndpoints());
        e.addAll(newsletterProposalEndpoints());
        e.addAll(newsletterIssueEndpoints());
        return e;
    }

    // ---- a meeting's agenda, attendance and minutes; deliverables; the decision trail (issue 11) ------------------

    /** {itemId}, {sha256}, {revision} and {deliverableId} are real: an agenda item with a file, minutes, a deliverable. */
    static List<Endpoint> meetingRecordEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        String m = "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}";
        String d = "/api/v1/subcommittees/{subcommitteeId}/deliverables";
        e.add(new Endpoint("GET", m, null, Map.of()));
        e.add(new Endpoint("PUT", m + "/visibility", map("publicMeeting", true), Map.of()));
        e.add(new Endpoint("PUT", m + "/attendance", map("attendance", List.of(map("organizationId", "{organizationId}",
                "people", 2))), Map.of()));
        e.add(new Endpoint("POST", m + "/agenda", map("title", "コーパスの議題", "presenterOrganizationId", "{organizationId}"), Map.of()));
        e.add(new Endpoint("PUT", m + "/agenda/{itemId}", map("title", "コーパスの議題（修正）"), Map.of()));
        e.add(new Endpoint("DELETE", m + "/agenda/{itemId}", null, Map.of()));
        e.add(new Endpoint("PUT", m + "/agenda-order", map("itemIds", List.of("{itemId}")), Map.of()));
        e.add(new Endpoint("POST", m + "/agenda/{itemId}/files", null, Map.of()));
        e.add(new Endpoint("DELETE", m + "/agenda/{itemId}/files/{sha256}", null, Map.of()));
        e.add(new Endpoint("GET", m + "/agenda/{itemId}/files/{sha256}", null, Map.of()));
        e.add(new Endpoint("GET", m + "/minutes", null, Map.of()));
        e.add(new Endpoint("PUT", m + "/minutes", map("text", "コーパス 議事録"), Map.of()));
        e.add(new Endpoint("GET", m + "/minutes/revisions", null, Map.of()));
        e.add(new Endpoint("GET", m + "/minutes/revisions/{revision}", null, Map.of()));
        e.add(new Endpoint("GET", m + "/minutes/comparison", null, Map.of()));
        e.add(new Endpoint("POST", m + "/minutes/revisions/{revision}/restoration", null, Map.of()));
        e.add(new Endpoint("POST", m + "/minutes/finalization", null, Map.of()));
        e.add(new Endpoint("POST", m + "/minutes/publication", map("audience", "MEMBERS"), Map.of()));
        e.add(new Endpoint("GET", d, null, Map.of()));
        e.add(new Endpoint("POST", d, deliverable(), Map.of()));
        e.add(new Endpoint("GET", d + "/{deliverableId}", null, Map.of()));
        Map<String, Object> revision = deliverable();
        revision.remove("visibility");
        e.add(new Endpoint("PUT", d + "/{deliverableId}", revision, Map.of()));
        e.add(new Endpoint("PUT", d + "/{deliverableId}/visibility", map("visibility", "PUBLIC"), Map.of()));
        e.add(new Endpoint("POST", d + "/{deliverableId}/files", null, Map.of()));
        e.add(new Endpoint("DELETE", d + "/{deliverableId}/files/{sha256}", null, Map.of()));
        e.add(new Endpoint("GET", d + "/{deliverableId}/files/{sha256}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/decision-trail", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/public-meetings", null, Map.of()));
        return e;
    }

    private static Map<String, Object> deliverable() {
        return map("title", "中間整理", "kind", "INTERIM_SUMMARY", "date", "2026-01-09", "summary", "論点を整理した。",
                "visibility", "MEMBERS", "meetingIds", List.of());
    }

    /** The issue's own list for subcommittees: dates out of order and a slot in the past. */
    static List<Case> subcommitteeCases() {
        List<Case> cases = new ArrayList<>();
        java.time.LocalDate today = java.time.LocalDate.now(JAPAN);
        Endpoint record = new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/deliverables", deliverable(), Map.of());
        Map<String, Object> beforeItsMeeting = deliverable();
        beforeItsMeeting.put("date", today.toString());
        beforeItsMeeting.put("meetingIds", List.of("{meetingId}"));
        cases.add(new Case("a deliverable dated before the meeting that produced it", record, null,
                Api.json(beforeItsMeeting), "date", false));
        Endpoint open = new Endpoint("POST", "/api/v1/subcommittees/{subcommitteeId}/polls", null, Map.of());
        cases.add(new Case("a poll slot in the past", open, null, Api.json(map("title", "日程調整",
                "deadline", today.plusDays(3) + "T17:00", "slots", List.of(map("date", today.minusDays(1).toString())))),
                "slots[0].date", false));
        cases.add(new Case("a poll slot that ends before it starts", open, null, Api.json(map("title", "日程調整",
                "deadline", today.plusDays(3) + "T17:00", "slots", List.of(map("date", today.plusDays(9).toString(),
                        "start", "16:00", "end", "14:00")))), "slots[0].end", false));
        Endpoint reschedule = new Endpoint("POST",
                "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/rescheduling", null, Map.of());
        cases.add(new Case("a meeting moved into the past", reschedule, null, Api.json(map("date",
                today.minusDays(2).toString(), "reason", "会場の都合により")), "date", false));
        return cases;
    }

    /** A hostile file: where it is sent, its name, declared type and bytes, the status and the field named. */
    record FileCase(String name, String path, String fileName, String contentType, byte[] bytes, int status, String field) {
    }

    private static final byte[] PDF = "%PDF-1.7\nコーパス資料\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static List<FileCase> fileCorpus() {
        List<FileCase> cases = new ArrayList<>();
        for (String path : List.of("/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/agenda/{itemId}/files",
                "/api/v1/subcommittees/{subcommitteeId}/deliverables/{deliverableId}/files")) {
            cases.add(new FileCase("a PNG named .pdf", path, "議事録.pdf", "application/pdf", PNG, 400, "file"));
            cases.add(new FileCase("a PDF declared as an image", path, "議事録.pdf", "image/png", PDF, 400, "file"));
            cases.add(new FileCase("an oversized file", path, "大きい.pdf", "application/pdf",
                    java.util.Arrays.copyOf(PDF, jp.kodoku.platform.infra.files.Attachments.MAX_BYTES + 1), 413, "file"));
            cases.add(new FileCase("an executable", path, "setup.exe", "application/octet-stream",
                    new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, 400, "file"));
            cases.add(new FileCase("HTML named .txt", path, "page.txt", "text/plain",
                    "<script>alert(1)</script>\u0000".getBytes(StandardCharsets.UTF_8), 400, "file"));
            cases.add(new FileCase("an empty file", path, "空.pdf", "application/pdf", new byte[0], 400, "file"));
            // refused by the text rule every command is held to, naming the upload's name
            cases.add(new FileCase("a name with control characters", path, "a\u0007b.pdf", "application/pdf", PDF, 400,
                    "file.fileName"));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_file_is_refused_as_a_problem_and_stores_nothing() {
        return fileCorpus().stream().map(c -> DynamicTest.dynamicTest(c.path() + ": " + c.name(), () -> {
            String path = path(c.path());
            long events = eventCount();
            Integer files = jdbc.queryForObject("SELECT COUNT(*) FROM file_contents", Integer.class);

            Api.Response response = api.post(path).token(TestTokens.secretariat()).file(c.fileName(), c.contentType(), c.bytes()).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
            assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString()).contains(c.field());
            assertThat(eventCount()).as("events stored").isEqualTo(events);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_contents", Integer.class)).as("files stored").isEqualTo(files);
        }));
    }

    private static String itemId;
    private static String deliverableId;

    /** The corpus meeting's agenda item (with a file), its minutes, and a deliverable (with a file); made once. */
    private String meetingRecordPath(String template) {
        if (!template.contains("{itemId}") && !template.contains("{deliverableId}") && !template.contains("{revision}")
                && !template.contains("{sha256}")) {
            return template;
        }
        String base = "/api/v1/subcommittees/" + subcommitteeId;
        if (itemId == null) {
            Api.Response item = api.post(base + "/meetings/" + meetingId + "/agenda").token(TestTokens.secretariat())
                                   .body(map("title", "コーパスの議題")).send();
            assertThat(item.status()).as(item.toString()).isEqualTo(201);
            itemId = item.json().get("itemId").asText();
            assertThat(api.post(base + "/meetings/" + meetingId + "/agenda/" + itemId + "/files").token(TestTokens.secretariat())
                          .file("コーパス資料.pdf", "application/pdf", PDF).send().status()).isEqualTo(200);
            assertThat(api.put(base + "/meetings/" + meetingId + "/minutes").token(TestTokens.secretariat())
                          .body(map("text", "コーパス 議事録")).send().status()).isEqualTo(200);
            Api.Response recorded = api.post(base + "/deliverables").token(TestTokens.secretariat()).body(deliverable()).send();
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            deliverableId = recorded.json().get("deliverableId").asText();
            assertThat(api.post(base + "/deliverables/" + deliverableId + "/files").token(TestTokens.secretariat())
                          .file("コーパス資料.pdf", "application/pdf", PDF).send().status()).isEqualTo(200);
            awaitProjections();
        }
        return template.replace("{itemId}", itemId).replace("{deliverableId}", deliverableId).replace("{revision}", "1")
                       .replace("{sha256}", jp.kodoku.platform.infra.files.Attachments.sha256(PDF));
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String valid = endpoint.body() == null ? null : Api.json(endpoint.body());
            for (String parameter : FOREIGN_PARAMETERS) {
                cases.add(new Case("the foreign query parameter " + parameter, endpoint,
                        java.net.URLEncoder.encode(parameter, java.nio.charset.StandardCharsets.UTF_8) + "=x", valid,
                        parameter, false));
            }
            if (endpoint.path().contains("{")) {
                for (String separator : List.of("%2F", "%00")) {
                    cases.add(new Case("an id with " + separator, endpoint, null, valid, null, true));
                }
            }
            if (endpoint.body() == null) {
                continue;
            }
            cases.add(new Case("a key given twice", endpoint, null,
                    valid.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":null,\"$1\":"), firstKey(endpoint.body()), false));
            cases.add(new Case("content after the document", endpoint, null, valid + " xyz", "body", false));
            cases.add(new Case("an array for the body", endpoint, null, "[" + valid + "]", "body", false));
            fields(endpoint.body(), "", (path, value) -> {
                if (value instanceof String text && isDate(text)) {
                    for (String date : HOSTILE_DATES) {
                        cases.add(new Case(path + " = " + date, endpoint, null, spoiled(endpoint.body(), path, date), path, false));
                    }
                } else if (value instanceof String) {
                    HOSTILE_TEXT.forEach((what, text) -> cases.add(new Case(path + " with " + what, endpoint, null,
                            spoiled(endpoint.body(), path, text), path, false)));
                    cases.add(new Case(path + " as a query operator", endpoint, null,
                            spoiled(endpoint.body(), path, Map.of("$gt", "")), path, false));
                    if (path.endsWith("email")) {
                        for (String email : HOSTILE_EMAILS) {
                            cases.add(new Case(path + " = " + email, endpoint, null, spoiled(endpoint.body(), path, email),
                                    path, false));
                        }
                    }
                }
            });
        }
        cases.addAll(subcommitteeCases());
        cases.addAll(eventCases());
        cases.addAll(feedCases());
        cases.addAll(activityCases());
        cases.addAll(webhookCases());
        cases.addAll(newsletterCases());
        cases.addAll(newsletterProposalCases());
        cases.addAll(newsletterIssueCases());
        return cases;
    }

    @Test
    void the_corpus_is_large_and_covers_every_endpoint() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> mapping.getMethodsCondition().getMethods().forEach(m -> served.add(m + " " + p))));
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(endpoint -> covered.add(endpoint.name()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(served);
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_input_is_refused_as_a_problem_and_stores_nothing() {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.endpoint().name() + ": " + c.name(), () -> {
            String path = path(c.endpoint().path());
            String body = c.body();
            if (body != null && body.contains("{meetingId}")) { // a case naming the corpus's meeting in its body
                path("/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}");
                body = body.replace("{meetingId}", meetingId);
            }
            long events = eventCount();
            Api.Response response;
            if (c.raw()) {
                String spoiled = path.replaceFirst("/[^/]*$", "/abc" + c.name().substring("an id with ".length()) + "def");
                Map<String, String> headers = new LinkedHashMap<>(c.endpoint().headers());
                headers.put("Authorization", "Bearer " + tokenFor(c.endpoint()));
                headers.remove(CALLER);
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
                response = RawHttp.send(port, c.endpoint().method(), spoiled, headers, body);
            } else {
                Api.Call call = switch (c.endpoint().method()) {
                    case "GET" -> api.get(path + (c.query() == null ? "" : "?" + c.query()));
                    case "POST" -> api.post(path + (c.query() == null ? "" : "?" + c.query()));
                    case "PUT" -> api.put(path + (c.query() == null ? "" : "?" + c.query()));
                    case "PATCH" -> api.patch(path + (c.query() == null ? "" : "?" + c.query()));
                    default -> api.delete(path + (c.query() == null ? "" : "?" + c.query()));
                };
                c.endpoint().headers().forEach((name, value) -> {
                    if (!name.equals(CALLER)) {
                        call.header(name, value);
                    }
                });
                call.header("Idempotency-Key", "corpus-" + System.nanoTime());
                call.token(tokenFor(c.endpoint()));
                if (body != null) {
                    call.body(body);
                }
                response = call.send();
            }

            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
            if (c.field() != null) {
                String last = c.field().substring(c.field().lastIndexOf('.') + 1);
                JsonNode errors = response.json().path("errors");
                assertThat(errors.findValuesAsText("field")).as(response.toString())
                        .anySatisfy(f -> assertThat(f.equals(c.field()) || f.endsWith(last)).isTrue());
            }
            assertThat(eventCount()).as("events stored").isEqualTo(events);
        }));
    }

    private String path(String template) {
        template = eventPath(template);
        template = webhookPath(template);
        template = newsletterIssuePath(template);
        if (organizationId == null) {
            organizationId = new Members(api).activeMember(Samples.application());
            // a resubmission is read only for an application sent back, through its own link
            Members.Applied applied = new Members(api).apply(Samples.application());
            Api.Response sentBack = api.post("/api/v1/organizations/" + applied.id() + "/send-back")
                                       .token(TestTokens.secretariat()).body(Map.of("comment", "ご確認ください")).send();
            assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
            accessToken = applied.accessUrl().substring(applied.accessUrl().lastIndexOf('/') + 1);
            awaitProjections();
        }
        template = template.replace("{token}", accessToken);
        if (template.contains("{subcommitteeId}")) {
            if (subcommitteeId == null) {
                subcommitteeId = new Subcommittees(api).create(organizationId);
            }
            template = template.replace("{subcommitteeId}", subcommitteeId);
        }
        if (template.contains("{pollId}")) {
            if (pollId == null) {
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
                Api.Response opened = api.post("/api/v1/subcommittees/" + subcommitteeId + "/polls")
                                         .token(TestTokens.secretariat())
                                         .body(Map.of("title", "コーパス 日程調整", "deadline", today.plusDays(3) + "T17:00",
                                                 "slots", List.of(Map.of("date", today.plusDays(10).toString()),
                                                         Map.of("date", today.plusDays(11).toString())))).send();
                assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
                pollId = opened.json().get("pollId").asText();
                slotId = opened.json().get("slotIds").get(0).asText();
            }
            template = template.replace("{pollId}", pollId).replace("{slotId}", slotId);
        }
        if (template.contains("{meetingId}")) {
            if (meetingId == null) {
                meetingId = aScheduledMeeting();
            }
            template = template.replace("{meetingId}", meetingId);
        }
        template = meetingRecordPath(template);
        String path = template;
        for (Map.Entry<String, String> variable : ID.entrySet()) {
            path = path.replace(variable.getKey(), variable.getValue().isEmpty() ? organizationId : variable.getValue());
        }
        return path;
    }

    /** A meeting of the corpus's subcommittee, scheduled the only way there is: a poll of its own, confirmed. */
    private String aScheduledMeeting() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        Api.Response opened = api.post("/api/v1/subcommittees/" + subcommitteeId + "/polls").token(TestTokens.secretariat())
                                 .body(Map.of("title", "コーパス 会議", "deadline", today.plusDays(3) + "T17:00",
                                         "slots", List.of(Map.of("date", today.plusDays(12).toString(), "start", "14:00",
                                                 "end", "16:00")))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        Api.Response confirmed = api.post("/api/v1/subcommittees/" + subcommitteeId + "/polls/" + poll + "/confirmation")
                                    .token(TestTokens.secretariat())
                                    .body(Map.of("slotId", opened.json().get("slotIds").get(0).asText())).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String meeting = jp.kodoku.platform.subcommittees.api.MeetingId.fromPoll(
                new jp.kodoku.platform.subcommittees.api.PollId(poll)).value();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/subcommittees/" + subcommitteeId + "/meetings").token(TestTokens.secretariat())
                              .send().json().findValuesAsText("meetingId")).contains(meeting));
        awaitProjections();
        return meeting;
    }

    private static boolean isDate(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static String firstKey(Map<String, Object> body) {
        return body.keySet().iterator().next();
    }

    interface FieldVisitor {
        void visit(String path, Object value);
    }

    @SuppressWarnings("unchecked")
    private static void fields(Map<String, Object> body, String prefix, FieldVisitor visitor) {
        body.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                fields((Map<String, Object>) nested, prefix + key + ".", visitor);
            } else {
                visitor.visit(prefix + key, value);
            }
        });
    }

    /** The body as JSON with the value at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    private static String spoiled(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        Map<String, Object> at = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.get(parts[i]);
        }
        at.put(parts[parts.length - 1], value);
        // a lone surrogate cannot travel as UTF-8 (it would arrive as "?"): it is sent as the JSON escape it is
        return Api.json(copy).replace("\ud800", "\\ud800");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ---- CSV files for the organization import ------------------------------------------------------------------

    /** A hostile CSV file: the body, its Content-Type, the status and the field the problem must name. */
    record CsvCase(String name, String path, byte[] body, String contentType, int status, String field) {
    }

    static List<CsvCase> csvCorpus() {
        List<CsvCase> cases = new ArrayList<>();
        String csv = "text/csv";
        for (String path : List.of("/api/v1/organization-imports/dry-run", "/api/v1/organization-imports")) {
            // bytes that are neither UTF-8 nor CP932 (0x80 and 0xFF have no character in either)
            byte[] badEncoding = ImportFiles.excelUtf8(ImportFiles.newRow());
            badEncoding[badEncoding.length - 3] = (byte) 0xFF;
            badEncoding[badEncoding.length - 4] = (byte) 0x80;
            cases.add(new CsvCase("a bad encoding", path, badEncoding, csv, 400, "body"));
            cases.add(new CsvCase("Shift_JIS bytes declared as UTF-8", path,
                    (ImportFiles.HEADER + "\r\n" + ImportFiles.newRow() + "\r\n").getBytes(java.nio.charset.Charset.forName("windows-31j")),
                    "text/csv; charset=utf-8", 400, "body"));
            cases.add(new CsvCase("a charset that is not read", path, ImportFiles.excelUtf8(ImportFiles.newRow()),
                    "text/csv; charset=utf-16", 400, "Content-Type"));
            cases.add(new CsvCase("JSON instead of CSV", path, "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                    415, "Content-Type"));
            cases.add(new CsvCase("an empty body", path, new byte[0], csv, 400, "body"));
            cases.add(new CsvCase("a duplicate header", path, ("団体名," + ImportFiles.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8),
                    csv, 400, "団体名"));
            cases.add(new CsvCase("an unknown column", path, (ImportFiles.HEADER + ",会費\r\n").getBytes(StandardCharsets.UTF_8),
                    csv, 400, "会費"));
            byte[] oversized = new byte[CsvUpload.MAX_BYTES + 1];
            java.util.Arrays.fill(oversized, (byte) 'a');
            cases.add(new CsvCase("an oversized file", path, oversized, csv, 413, "body"));
            String[] rows = new String[CsvUpload.MAX_ROWS + 1];
            java.util.Arrays.fill(rows, "a,b");
            cases.add(new CsvCase("more rows than an import takes", path, ImportFiles.excelUtf8(rows), csv, 413, "body"));
            cases.add(new CsvCase("an over-long row (a quote left open)", path,
                    ImportFiles.excelUtf8(ImportFiles.newRow(), "\"" + "長".repeat(CsvUpload.MAX_CELL_CHARACTERS) + ",x"),
                    csv, 400, "row 3"));
            cases.add(new CsvCase("an over-long cell", path, ImportFiles.excelUtf8(ImportFiles.newRow(),
                    "\"" + "長".repeat(CsvUpload.MAX_CELL_CHARACTERS + 1) + "\",x"), csv, 400, "row 3"));
            cases.add(new CsvCase("a row of too many cells", path,
                    ImportFiles.excelUtf8(",".repeat(CsvUpload.MAX_COLUMNS + 1)), csv, 400, "row 2"));
        }
        // a row's own problems refuse the import; the dry run reports them in its 200 answer instead
        String imports = "/api/v1/organization-imports";
        String tag = Samples.uniqueKana();
        cases.add(new CsvCase("a formula cell", imports, ImportFiles.excelUtf8(ImportFiles.row("=1+2" + tag, "イチタスニ" + tag)),
                "text/csv", 400, "row 2: 団体名"));
        cases.add(new CsvCase("a DDE formula cell", imports, ImportFiles.excelUtf8(ImportFiles.row(
                "\"=cmd|' /C calc'!A0\"", "ディーディーイー" + tag)), "text/csv", 400, "row 2: 団体名"));
        HOSTILE_TEXT.forEach((what, text) -> {
            if (!text.contains("\ud800")) { // a lone surrogate has no UTF-8: the encoding case covers such bytes
                cases.add(new CsvCase("a name with " + what, imports, ImportFiles.excelUtf8(ImportFiles.row(
                        "居場所" + text + tag, "イバショ" + tag)), "text/csv", 400, "row 2: 団体名"));
            }
        });
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_csv_file_is_refused_as_a_problem_and_stores_nothing() {
        return csvCorpus().stream().map(c -> DynamicTest.dynamicTest(c.path() + ": " + c.name(), () -> {
            long events = eventCount();

            Api.Response response = api.post(c.path()).token(TestTokens.secretariat()).bytes(c.body(), c.contentType()).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
            assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString()).contains(c.field());
            assertThat(eventCount()).as("events stored").isEqualTo(events);
        }));
    }

    private static Map<String, Object> resubmission() {
        Map<String, Object> body = new LinkedHashMap<>(Samples.application());
        body.remove("bylawsVersion");
        return body;
    }

    // ---- the events portal (issue 12) ---------------------------------------------------------------------------

    /** Not sent: says which caller the corpus uses for an endpoint only member admins may call. */
    private static final String CALLER = "X-Corpus-Caller";
    private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");
    /** The organization the corpus's member admin acts for in the events endpoints. */
    private static final String EVENTS_ORGANIZATION = java.util.UUID.randomUUID().toString();
    private static String eventId;
    private static String closedEventId;
    private static String campaignId;
    private static String registrationId;
    private static String registrationToken;

    static List<Endpoint> eventEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
        Map<String, String> memberAdmin = Map.of(CALLER, "member-admin");
        e.add(new Endpoint("GET", "/api/v1/events", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/event-attendance", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events", eventDetails(), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/events/{id}", eventDetails(), ifMatch));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/publication", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/rescheduling", map("schedule", map("startDate",
                day(60).toString(), "startTime", "10:00", "endDate", day(60).toString(), "endTime", "12:00"),
                "reason", "会場の都合"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/cancellation", map("reason", "台風接近のため"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/finish", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/approval", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/rejection", map("reason", "趣旨と異なるため"), Map.of()));
        Map<String, Object> campaignEvent = eventDetails();
        campaignEvent.put("kind", "CAMPAIGN_EVENT");
        e.add(new Endpoint("POST", "/api/v1/campaigns/{campaignId}/events", campaignEvent, memberAdmin));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/registrations", map("seats", 1), memberAdmin));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/public-registrations", map("name", "高橋 陽子", "email",
                "yoko@corpus.example.jp", "seats", 1), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/registrations/confirmation", map("token", "abc"), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}/registrations/access/{token}", null, Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/events/{id}/registrations/access/{token}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}/registrations", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}/registrations.csv", null, Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/organizations/{id}/event-registrations/{eventId}/{registrationId}", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/registrations/{registrationId}/removal", map("reason", "重複登録"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/registrations/{registrationId}/waitlist-position",
                map("position", 1, "reason", "同行者"), Map.of()));
        e.add(new Endpoint("PUT", "/api/v1/events/{id}/registrations/{registrationId}/attendance", map("attendedSeats", 1), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/events/{id}/registrations/{registrationId}/erasure", map("reason", "本人からの請求"), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{id}/event-registrations", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events.ics", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}.ics", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/events/{id}/registrations/access/{token}.ics", null, Map.of()));
        e.addAll(feedEndpoints());
        return e;
    }

    /** The issue's own list: end before start, capacity 0 or negative, seats over the limit, outside the window, a hostile public name. */
    static List<Case> eventCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint create = new Endpoint("POST", "/api/v1/events", eventDetails(), Map.of());
        Map<String, Object> backwards = eventDetails();
        backwards.put("schedule", map("startDate", day(30).toString(), "endDate", day(29).toString()));
        cases.add(new Case("an event that ends before it starts", create, null, Api.json(backwards), "schedule.endDate", false));
        for (int capacity : new int[]{0, -1}) {
            Map<String, Object> body = eventDetails();
            body.put("registration", map("capacity", capacity, "seatLimit", 1));
            cases.add(new Case("a capacity of " + capacity, create, null, Api.json(body), "registration.capacity", false));
        }
        Endpoint register = new Endpoint("POST", "/api/v1/events/{id}/registrations", map("seats", 4),
                Map.of(CALLER, "member-admin"));
        cases.add(new Case("seats over the limit", register, null, Api.json(map("seats", 4)), "seats", false));
        cases.add(new Case("no seats", register, null, Api.json(map("seats", 0)), "seats", false));
        Endpoint closed = new Endpoint("POST", "/api/v1/events/{closedEventId}/registrations", map("seats", 1),
                Map.of(CALLER, "member-admin"));
        cases.add(new Case("a registration before the window opens", closed, null, Api.json(map("seats", 1)), null, false));
        Endpoint publicly = new Endpoint("POST", "/api/v1/events/{id}/public-registrations", null, Map.of());
        for (String name : List.of("<script>alert(1)</script>", "=HYPERLINK(\"http://x\")<", "\u202Eevil")) {
            cases.add(new Case("a public registration named " + name, publicly, null,
                    Api.json(map("name", name, "email", "x@corpus.example.jp", "seats", 1)), "name", false));
        }
        return cases;
    }

    private static java.time.LocalDate day(int daysAhead) {
        return java.time.LocalDate.now(JAPAN).plusDays(daysAhead);
    }

    private static Map<String, Object> eventDetails() {
        return map("kind", "WORKSHOP", "title", "現場課題ワークショップ", "description", "実務者の意見交換",
                "secretariatOrganizes", true, "organizerOrganizations", List.of(),
                "schedule", map("startDate", day(30).toString(), "startTime", "13:30", "endDate", day(30).toString(),
                        "endTime", "16:30"),
                "venue", map("name", "中央合同庁舎8号館", "address", "東京都千代田区永田町1-6-1", "prefectureCode", "13"),
                "onlineUrl", "https://meet.example.jp/corpus", "visibility", "PUBLIC",
                "registration", map("capacity", 10, "opensAt", day(-1).atTime(9, 0).toString(), "seatLimit", 3));
    }

    private String tokenFor(Endpoint endpoint) {
        if ("api-client".equals(endpoint.headers().get(CALLER))) {
            return webhookApp();
        }
        return "member-admin".equals(endpoint.headers().get(CALLER)) ? TestTokens.memberAdmin(EVENTS_ORGANIZATION)
                : TestTokens.secretariat();
    }

    /** Events paths get a real event, registration, link and campaign; created once. */
    private String eventPath(String template) {
        if (!template.startsWith("/api/v1/events") && !template.startsWith("/api/v1/campaigns")
                && !template.contains("event-registrations")) {
            return template;
        }
        if (eventId == null) {
            jp.kodoku.platform.gateway.support.Events events = new jp.kodoku.platform.gateway.support.Events(api);
            eventId = events.published(jp.kodoku.platform.gateway.support.Events.workshop(10));
            closedEventId = events.published(jp.kodoku.platform.gateway.support.Events.with(
                    jp.kodoku.platform.gateway.support.Events.workshop(10), "registration", map("capacity", 10,
                            "opensAt", day(3).atTime(9, 0).toString(), "seatLimit", 2)));
            Map<String, Object> campaign = map("kind", "CAMPAIGN", "title", "孤独・孤立対策強化月間",
                    "secretariatOrganizes", true, "schedule", map("startDate", day(1).toString(), "endDate",
                            day(45).toString()), "visibility", "PUBLIC");
            campaignId = events.published(campaign);
            registrationId = events.register(eventId, TestTokens.memberAdmin(EVENTS_ORGANIZATION), 1)
                                   .json().get("registrationId").asText();
            Api.Response received = api.post("/api/v1/events/" + eventId + "/public-registrations")
                                       .body(map("name", "下書 花子", "email", "hanako@corpus.example.jp", "seats", 1)).send();
            String link = received.json().get("accessUrl").asText();
            registrationToken = link.substring(link.lastIndexOf('/') + 1);
            awaitProjections();
        }
        String path = template.replace("{closedEventId}", closedEventId).replace("{campaignId}", campaignId)
                              .replace("{eventId}", eventId).replace("{registrationId}", registrationId);
        if (path.startsWith("/api/v1/events/")) {
            path = path.replace("{id}", eventId).replace("{token}", registrationToken);
        } else if (path.startsWith("/api/v1/organizations/")) {
            path = path.replace("{id}", EVENTS_ORGANIZATION);
        }
        return path;
    }

    // ---- personal feed tokens and the calendar's feeds (issues 11, 12) --------------------------------------------

    static List<Endpoint> feedEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST", "/api/v1/feed-tokens", map("feed", "calendar", "label", "職場のiPhone"), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/feed-tokens", null, Map.of()));
        e.add(new Endpoint("DELETE", "/api/v1/feed-tokens/{id}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/calendar/feeds/{token}.ics", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/calendar", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/calendar.ics", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/subcommittees/{subcommitteeId}/meetings.ics", null, Map.of()));
        return e;
    }

    /** A feed nobody declared, a scope the feed does not take or that is no id, a label too long. */
    static List<Case> feedCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint issue = new Endpoint("POST", "/api/v1/feed-tokens", null, Map.of());
        cases.add(new Case("an unknown feed", issue, null, Api.json(map("feed", "everything")), "feed", false));
        cases.add(new Case("no feed", issue, null, Api.json(map("label", "名前だけ")), "feed", false));
        cases.add(new Case("a scope on the personal calendar", issue, null,
                Api.json(map("feed", "calendar", "scope", "bunkakai-1")), "scope", false));
        cases.add(new Case("a scope that is no id", issue, null,
                Api.json(map("feed", "calendar", "scope", "../../etc")), "scope", false));
        cases.add(new Case("a label of 101 characters", issue, null,
                Api.json(map("feed", "calendar", "label", "あ".repeat(101))), "label", false));
        Endpoint others = new Endpoint("GET", "/api/v1/feed-tokens", null, Map.of());
        cases.add(new Case("an owner name of 256 characters", others, "owner=" + "a".repeat(256), null, "owner", false));
        Endpoint calendar = new Endpoint("GET", "/api/v1/calendar", null, Map.of());
        cases.add(new Case("a kind that is none", calendar, "kind=PARTY", null, "kind", false));
        cases.add(new Case("a month that is none", calendar, "month=2026-13", null, "month", false));
        cases.add(new Case("a range that ends before it starts", calendar, "from=2026-05-10&to=2026-05-01", null, "to", false));
        cases.add(new Case("a prefecture that is none", calendar, "prefecture=48", null, "prefecture", false));
        cases.add(new Case("a limit of 0", calendar, "limit=0", null, "limit", false));
        Endpoint feed = new Endpoint("GET", "/api/v1/calendar.ics", null, Map.of());
        cases.add(new Case("a feed of a kind that is none", feed, "kind=%24gt", null, "kind", false));
        return cases;
    }

    // ---- the activity feed (issue 14) -----------------------------------------------------------------------------

    static List<Endpoint> activityEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", "/api/v1/feed", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/feed.atom", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/feed.json", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/feed/personal/{token}.atom", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/feed/personal/{token}.json", null, Map.of()));
        return e;
    }

    /** A cursor the feed did not give, a time range backwards or outside the platform's dates, an unknown kind, ids. */
    static List<Case> activityCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint feed = new Endpoint("GET", "/api/v1/feed", null, Map.of());
        for (String cursor : List.of("abc", "YTF8bm90LWEtdGltZXx4", "%24gt", "YTF8MjAyNi0wNC0wMVQwMDowMDowMFp8Li4vLi4v",
                "x".repeat(500))) {
            cases.add(new Case("the cursor " + cursor.substring(0, Math.min(cursor.length(), 20)), feed,
                    "cursor=" + cursor, null, "cursor", false));
        }
        cases.add(new Case("a time range that ends before it starts", feed, "from=2026-05-01&to=2026-04-01", null, "to", false));
        cases.add(new Case("an empty time range", feed, "from=2026-05-01&to=2026-05-01", null, "to", false));
        for (String date : HOSTILE_DATES) {
            cases.add(new Case("from = " + date, feed, "from=" + date, null, "from", false));
        }
        cases.add(new Case("a time that is no time", feed, "to=2026-13-45T99:00", null, "to", false));
        cases.add(new Case("an unknown kind", feed, "kind=GOSSIP", null, "kind", false));
        cases.add(new Case("a kind as an operator", feed, "kind=%7B%22%24ne%22%3A1%7D", null, "kind", false));
        cases.add(new Case("an organization that is no id", feed, "organization=%7B%24ne%7D", null, "organization", false));
        cases.add(new Case("a subcommittee that is no id", feed, "subcommittee=bunkakai-x", null, "subcommittee", false));
        cases.add(new Case("a limit of 0", feed, "limit=0", null, "limit", false));
        cases.add(new Case("a limit too large", feed, "limit=100000", null, "limit", false));
        return cases;
    }

    // ---- webhooks (issue 14) --------------------------------------------------------------------------------------

    private static final Map<String, String> APP = Map.of(CALLER, "api-client");
    private static final String APPROVED = "jp.kodoku.platform.membership.member.approved";
    private static String[] webhookApp;
    private static String webhookSubscriptionId;

    static List<Endpoint> webhookEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        String base = "/api/v1/webhook-subscriptions";
        e.add(new Endpoint("GET", "/api/v1/webhook-event-types", null, Map.of()));
        e.add(new Endpoint("POST", base, map("url", "https://hooks.corpus.example.jp/kodoku", "eventTypes", List.of(APPROVED)), APP));
        e.add(new Endpoint("GET", base, null, APP));
        e.add(new Endpoint("GET", base + "/{subscriptionId}", null, APP));
        e.add(new Endpoint("DELETE", base + "/{subscriptionId}", null, APP));
        e.add(new Endpoint("POST", base + "/{subscriptionId}/secret", map("overlapHours", 1), APP));
        e.add(new Endpoint("POST", base + "/{subscriptionId}/reactivation", null, APP));
        e.add(new Endpoint("GET", base + "/{subscriptionId}/deliveries", null, APP));
        e.add(new Endpoint("POST", base + "/{subscriptionId}/replays", map("fromTime", "2026-01-01T00:00:00Z"), APP));
        return e;
    }

    /** The issue's list: an http:// URL, a private address, an unknown event type, a type whose scope the app lacks. */
    static List<Case> webhookCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint subscribe = new Endpoint("POST", "/api/v1/webhook-subscriptions", null, APP);
        cases.add(new Case("an http:// URL", subscribe, null, Api.json(map("url", "http://hooks.corpus.example.jp/kodoku",
                "eventTypes", List.of(APPROVED))), "url", false));
        for (String url : List.of("https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook")) {
            cases.add(new Case("a private address " + url, subscribe, null, Api.json(map("url", url,
                    "eventTypes", List.of(APPROVED))), "url", false));
        }
        cases.add(new Case("an unknown event type", subscribe, null, Api.json(map("url", "https://hooks.corpus.example.jp/kodoku",
                "eventTypes", List.of("jp.kodoku.platform.membership.contact.added"))), "eventTypes[0]", false));
        cases.add(new Case("a type whose scope the app does not hold", subscribe, null, Api.json(map(
                "url", "https://hooks.corpus.example.jp/kodoku", "eventTypes", List.of("jp.kodoku.platform.events.event.published"))),
                "eventTypes[0]", false));
        Endpoint replay = new Endpoint("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/replays", null, APP);
        cases.add(new Case("a replay from a position and a time at once", replay, null,
                Api.json(map("fromPosition", 1, "fromTime", "2026-01-01T00:00:00Z")), "fromPosition", false));
        cases.add(new Case("a replay from a negative position", replay, null, Api.json(map("fromPosition", -1)),
                "fromPosition", false));
        return cases;
    }

    /** The corpus's app, with the directory scope only. */
    private String webhookApp() {
        if (webhookApp == null) {
            Api.Response registered = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                         .body(map("name", "コーパス連携アプリ", "scopes", List.of("directory:read"),
                                                 "ratePerMinute", 10000)).send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            webhookApp = new String[]{registered.json().get("clientId").asText(), registered.json().get("clientSecret").asText()};
        }
        return TestTokens.KEYCLOAK.clientToken(webhookApp[0], webhookApp[1]);
    }

    /**
     * Webhook paths get a real subscription of the corpus's app; created once. The app is registered here, before the
     * case counts the events, and not on its first token (its registration is an event).
     */
    private String webhookPath(String template) {
        if (template.startsWith("/api/v1/webhook-subscriptions")) {
            webhookApp();
        }
        if (!template.contains("{subscriptionId}")) {
            return template;
        }
        if (webhookSubscriptionId == null) {
            Api.Response created = api.post("/api/v1/webhook-subscriptions").token(webhookApp())
                                      .body(map("url", "https://hooks.corpus.example.jp/kodoku", "eventTypes", List.of(APPROVED)))
                                      .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            webhookSubscriptionId = created.json().get("subscriptionId").asText();
        }
        return template.replace("{subscriptionId}", webhookSubscriptionId);
    }

    // ---- newsletter (メールマガジン) --------------------------------------------------------------------------------

    static List<Endpoint> newsletterEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST", "/api/v1/newsletter/subscriptions",
                map("email", "yoko@corpus.example.jp", "wordingVersion", "2026-04"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/subscriptions/{id}/confirmation", map("token", "abc"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/unsubscribe/{token}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/subscriptions/{id}/consent-ledger", null, Map.of()));
        // bounces (ADR 0048)
        e.add(new Endpoint("GET", "/api/v1/newsletter/bounces", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/subscriptions/{id}/suspension-lifting", null, Map.of()));
        return e;
    }

    /** An address that would add a header to the confirmation mail; a consent wording no form shows. */
    static List<Case> newsletterCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint subscribe = new Endpoint("POST", "/api/v1/newsletter/subscriptions", null, Map.of());
        for (String address : List.of("yoko@corpus.example.jp\r\nBcc: everyone@example.jp",
                "yoko@corpus.example.jp\nSubject: 当選しました", "<yoko@corpus.example.jp>")) {
            cases.add(new Case("an address with a header injected: " + address.replace("\r", "\\r").replace("\n", "\\n"), subscribe, null,
                    Api.json(map("email", address, "wordingVersion", "2026-04")), "email", false));
        }
        cases.add(new Case("a wording version over 40 characters", subscribe, null,
                Api.json(map("email", "yoko@corpus.example.jp", "wordingVersion", "v".repeat(41))), "wordingVersion", false));
        return cases;
    }

    // ---- newsletter: items proposed by members, events into イベント案内, the public archive --------------------------

    /** {organizationId} is the corpus's member (the secretariat proposes for it); proposals and issues are unknown ids. */
    static List<Endpoint> newsletterProposalEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST", "/api/v1/organizations/{organizationId}/newsletter-proposals", map("kind", "ACTIVITY_REPORT",
                "content", map("title", "見守り活動の報告", "body", "地域の見守り活動を報告します。", "link",
                        "https://corpus.example.jp/news")), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/organizations/{organizationId}/newsletter-proposals", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/proposals", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/proposals/{id}", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/proposals/{id}/acceptance", map("issueId",
                "00000000-0000-4000-8000-000000000000", "content", map("title", "見守り活動の報告", "body", "整えた本文です。")),
                Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/proposals/{id}/deferral", map("reason", "次号で紹介します"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/proposals/{id}/rejection", map("reason", "対象外のため"), Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/issues/{id}/event-items",
                map("eventId", "00000000-0000-4000-8000-000000000000"), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/archive", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/archive/{id}", null, Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/issues.atom", null, Map.of()));
        return e;
    }

    /** A kind nobody proposes, an item over its limits or with a script link, a fiscal year before the platform. */
    static List<Case> newsletterProposalCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint propose = new Endpoint("POST", "/api/v1/organizations/{organizationId}/newsletter-proposals", null, Map.of());
        cases.add(new Case("an unknown kind", propose, null, Api.json(map("kind", "ADVERTISEMENT",
                "content", map("title", "広告", "body", "本文"))), "kind", false));
        cases.add(new Case("a title over 200 characters", propose, null, Api.json(map("kind", "EVENT",
                "content", map("title", "孤".repeat(201), "body", "本文"))), "content.title", false));
        cases.add(new Case("a javascript: link", propose, null, Api.json(map("kind", "EVENT",
                "content", map("title", "交流会", "body", "本文", "link", "javascript:alert(document.cookie)"))),
                "content.link", false));
        cases.add(new Case("a body over 10,000 characters", propose, null, Api.json(map("kind", "EVENT",
                "content", map("title", "交流会", "body", "孤".repeat(10_001)))), "content.body", false));
        Endpoint accept = new Endpoint("POST", "/api/v1/newsletter/proposals/{id}/acceptance", null, Map.of());
        cases.add(new Case("a blank issue to accept into", accept, null, Api.json(map("issueId", " ")), "issueId", false));
        Endpoint archive = new Endpoint("GET", "/api/v1/newsletter/archive", null, Map.of());
        cases.add(new Case("a fiscal year before the platform", archive, "fiscalYear=1800", null, "fiscalYear", false));
        return cases;
    }

    // ---- newsletter issues (issue 13) -------------------------------------------------------------------------------

    private static final String ISSUE = "/api/v1/newsletter/issues/{id}";
    private static String corpusIssueId;
    private static String corpusItemId;

    static List<Endpoint> newsletterIssueEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
        Map<String, Object> heading = map("subject", "コーパス号", "plannedSendAt", "2030-05-13T00:00:00Z");
        Map<String, Object> content = map("title", "研修会のご案内", "body", "**6月14日**に開催します。",
                "link", "https://corpus.example.jp/news", "membersOnly", false);
        e.add(new Endpoint("GET", "/api/v1/newsletter/issues", null, Map.of()));
        e.add(new Endpoint("POST", "/api/v1/newsletter/issues", heading, Map.of()));
        e.add(new Endpoint("GET", ISSUE, null, Map.of()));
        e.add(new Endpoint("PUT", ISSUE, heading, ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/sections", map("title", "分科会だより"), ifMatch));
        e.add(new Endpoint("DELETE", ISSUE + "/sections/{sectionKey}", null, ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/items", map("sectionKey", "support", "content", content), ifMatch));
        e.add(new Endpoint("PUT", ISSUE + "/items/{itemId}", map("content", content), ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/items/{itemId}/position", map("sectionKey", "events", "position", 0), ifMatch));
        e.add(new Endpoint("DELETE", ISSUE + "/items/{itemId}", null, ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/scheduling", map("segment", map("audience", "MEMBERS",
                "prefectureCodes", List.of("13"))), ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/return-to-draft", null, ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/cancellation", map("reason", "内容の重複"), ifMatch));
        e.add(new Endpoint("POST", ISSUE + "/sending", null, ifMatch));
        e.add(new Endpoint("GET", ISSUE + "/sending", null, Map.of()));
        e.add(new Endpoint("GET", ISSUE + "/preview", null, Map.of()));
        e.add(new Endpoint("POST", ISSUE + "/test-sending", map("addresses", List.of("checker@corpus.example.jp")), Map.of()));
        e.add(new Endpoint("GET", "/api/v1/newsletter/recipient-count", null, Map.of()));
        return e;
    }

    /**
     * An address that would add a header to a test mail, a subject over its limit, an item's link that runs script, a
     * position outside the section, filters on an audience they do not narrow, more test addresses than allowed.
     */
    static List<Case> newsletterIssueCases() {
        List<Case> cases = new ArrayList<>();
        Endpoint test = new Endpoint("POST", ISSUE + "/test-sending", null, Map.of());
        for (String address : List.of("checker@corpus.example.jp\r\nBcc: everyone@example.jp",
                "checker@corpus.example.jp\nSubject: 当選しました")) {
            cases.add(new Case("a test address with a header injected: " + address.replace("\r", "\\r").replace("\n", "\\n"),
                    test, null, Api.json(map("addresses", List.of(address))), "addresses[0]", false));
        }
        cases.add(new Case("eleven test addresses", test, null, Api.json(map("addresses",
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> "c" + i + "@corpus.example.jp").toList())),
                "addresses", false));
        cases.add(new Case("a subject over 100 characters", new Endpoint("POST", "/api/v1/newsletter/issues", null, Map.of()),
                null, Api.json(map("subject", "長".repeat(101), "plannedSendAt", "2030-05-13T00:00:00Z")), "subject", false));
        Endpoint addItem = new Endpoint("POST", ISSUE + "/items", null, Map.of("If-Match", "\"1\""));
        cases.add(new Case("an item's link that runs script", addItem, null, Api.json(map("sectionKey", "support",
                "content", map("title", "題", "body", "本文", "link", "javascript:alert(1)"))), "content.link", false));
        cases.add(new Case("an item's body over 10,000 characters", addItem, null, Api.json(map("sectionKey", "support",
                "content", map("title", "題", "body", "あ".repeat(10_001)))), "content.body", false));
        cases.add(new Case("a position past the section's end", new Endpoint("POST", ISSUE + "/items/{itemId}/position",
                null, Map.of("If-Match", "\"1\"")), null, Api.json(map("sectionKey", "events", "position", 5)),
                "position", false));
        cases.add(new Case("filters on the public audience", new Endpoint("POST", ISSUE + "/scheduling", null,
                Map.of("If-Match", "\"1\"")), null, Api.json(map("segment", map("audience", "PUBLIC",
                "prefectureCodes", List.of("13")))), "segment", false));
        cases.add(new Case("a prefecture code that is none", new Endpoint("GET", "/api/v1/newsletter/recipient-count",
                null, Map.of()), "audience=MEMBERS&prefecture=48", null, "segment.prefectureCodes", false));
        return cases;
    }

    /** The corpus's draft issue with one item, made once, before any case counts the events. */
    private String newsletterIssuePath(String template) {
        if (!template.startsWith(ISSUE)) {
            return template;
        }
        if (corpusIssueId == null) {
            Api.Response created = api.post("/api/v1/newsletter/issues").token(TestTokens.secretariat())
                                      .body(map("subject", "コーパス号", "plannedSendAt", "2030-05-13T00:00:00Z")).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            corpusIssueId = created.json().get("issueId").asText();
            Api.Response item = api.post("/api/v1/newsletter/issues/" + corpusIssueId + "/items")
                                   .token(TestTokens.secretariat()).body(map("sectionKey", "notices",
                                           "content", map("title", "お知らせ", "body", "本文です。"))).send();
            assertThat(item.status()).as(item.toString()).isEqualTo(201);
            corpusItemId = item.json().get("itemId").asText();
            awaitProjections();
        }
        return template.replace("{id}", corpusIssueId).replace("{itemId}", corpusItemId)
                       .replace("{sectionKey}", "visits");
    }
}
