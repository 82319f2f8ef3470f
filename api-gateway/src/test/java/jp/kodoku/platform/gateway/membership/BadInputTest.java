package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad input gets a 400 problem naming the field, and nothing is stored. */
class BadInputTest extends ApiTest {

    static Stream<Arguments> badApplications() {
        return Stream.of(
                raw("malformed JSON", "{\"profile\": {\"name\": ", "body"),
                raw("an array instead of an object", "[]", "body"),
                raw("no body at all", "", "body"),
                raw("a repeated requestedCategory", Api.json(Samples.application())
                        .replaceFirst("\\{", "{\"requestedCategory\":\"SUPPORTING\","), "requestedCategory"),
                raw("a repeated name inside the profile", Api.json(Samples.application())
                        .replace("\"profile\":{", "\"profile\":{\"name\":\"別名\","), "profile.name"),
                raw("content after the document", Api.json(Samples.application()) + " xyz", "body"),
                raw("a second document after the first", Api.json(Samples.application()) + " {}", "body"),
                spoil("a number for a text", a -> profile(a).put("name", 3), "profile.name"),
                spoil("text for a boolean", a -> profile(a).put("nationwide", "yes"), "profile.nationwide"),
                spoil("text for a list", a -> profile(a).put("prefectureCodes", "13"), "profile.prefectureCodes"),
                spoil("an unknown legal form", a -> profile(a).put("legalForm", "NPO"), "profile.legalForm"),
                spoil("an unknown field", a -> profile(a).put("favouriteColour", "青"), "profile.favouriteColour"),
                spoil("a missing name", a -> profile(a).remove("name"), "profile.name"),
                spoil("a missing primary contact", a -> a.remove("primaryContact"), "primaryContact"),
                spoil("a missing category", a -> a.remove("requestedCategory"), "requestedCategory"),
                spoil("a name over 100 characters", a -> profile(a).put("name", "あ".repeat(101)), "profile.name"),
                spoil("a description over 2000 characters", a -> profile(a).put("publicDescription", "説".repeat(2001)),
                        "profile.publicDescription"),
                spoil("an e-mail over 254 characters", a -> contact(a).put("email", "a".repeat(250) + "@example.jp"),
                        "primaryContact.email"),
                spoil("a corporate number with a wrong check digit", a -> profile(a).put("corporateNumber", "7000012050003"),
                        "profile.corporateNumber"),
                spoil("a corporate number with letters", a -> profile(a).put("corporateNumber", "70000120500AB"),
                        "profile.corporateNumber"),
                spoil("no corporate number for an NPO corporation", a -> profile(a).remove("corporateNumber"),
                        "profile.corporateNumber"),
                spoil("prefecture code 48", a -> profile(a).put("prefectureCodes", List.of("48")), "profile.prefectureCodes"),
                spoil("prefecture code without its leading zero", a -> profile(a).put("prefectureCodes", List.of("1")),
                        "profile.prefectureCodes"),
                spoil("a reading in hiragana", a -> profile(a).put("nameKana", "こどもいばしょ"), "profile.nameKana"),
                spoil("a reading in kanji", a -> profile(a).put("nameKana", "子供居場所"), "profile.nameKana"),
                spoil("a script tag in the name", a -> profile(a).put("name", "<script>alert(1)</script>"), "profile.name"),
                spoil("a script tag in the contact's name", a -> contact(a).put("name", "<img src=x onerror=alert(1)>"),
                        "primaryContact.name"),
                spoil("an e-mail without a domain", a -> contact(a).put("email", "hanako@"), "primaryContact.email"),
                spoil("a javascript: website", a -> profile(a).put("website", "javascript:alert(1)"), "profile.website"),
                spoil("NUL in the name", a -> profile(a).put("name", "居場所\u0000"), "profile.name"),
                spoil("a bidirectional override in the contact's name", a -> contact(a).put("name", "\u202E花子"),
                        "primaryContact.name"),
                spoil("a line break in a one-line field", a -> contact(a).put("department", "事務局\n広報"),
                        "primaryContact.department"),
                spoil("an escape sequence in the description", a -> profile(a).put("publicDescription", "\u001b[31m赤"),
                        "profile.publicDescription"),
                spoil("an e-mail with a Japanese local part", a -> contact(a).put("email", "花子@example.jp"),
                        "primaryContact.email"),
                spoil("an e-mail with an accented local part", a -> contact(a).put("email", "hanakó@example.jp"),
                        "primaryContact.email"),
                raw("a lone surrogate in the name", Api.json(Samples.application())
                        .replaceFirst("\"name\":\"", "\"name\":\"\\\\ud800"), "profile.name"),
                spoil("a MongoDB operator as a name", a -> profile(a).put("name", Map.of("$gt", "")), "profile.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void a_bad_application_is_refused_naming_the_field_and_nothing_is_stored(String what, String body, String field) {
        long events = eventCount();
        long keys = idempotencyRows();

        Api.Response response = api.post("/api/v1/applications").header("Idempotency-Key", "bad-" + System.nanoTime())
                                   .header("Content-Type", "application/json").body(body).send();

        assertProblem(response, field);
        assertThat(eventCount()).as("events stored").isEqualTo(events);
        assertThat(idempotencyRows()).as("idempotency keys stored").isEqualTo(keys);
    }

    static Stream<Arguments> badDirectoryFilters() {
        return Stream.of(
                arguments("q={\"$gt\": \"\"}", "q"),
                arguments("q=" + "あ".repeat(101), "q"),
                arguments("category={\"$gt\": \"\"}", "category"),
                arguments("prefecture={\"$ne\": null}", "prefecture"),
                arguments("prefecture=99", "prefecture"),
                arguments("field=$where", "field"),
                arguments("steeringMember={\"$exists\": true}", "steeringMember"),
                arguments("sort=name; drop", "sort"),
                arguments("limit=abc", "limit"),
                arguments("limit=1000", "limit"),
                arguments("cursor=not-a-cursor", "cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDirectoryFilters")
    void a_bad_directory_filter_is_refused_naming_the_parameter(String query, String field) {
        String[] pair = query.split("=", 2);
        Api.Response response = api.get("/api/v1/directory?" + pair[0] + "="
                + URLEncoder.encode(pair[1], StandardCharsets.UTF_8)).send();
        assertProblem(response, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-01-31", "1800-01-01", "2099-12-31", "-999999999-01-01", "+999999999-12-31"})
    void statistics_are_asked_for_within_the_platforms_dates_only(String asOf) {
        assertProblem(api.get("/api/v1/statistics/members?asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8)).send(),
                "asOf");
    }

    @Test
    void statistics_on_the_founding_day_are_answered() {
        assertThat(api.get("/api/v1/statistics/members?asOf=2022-02-01").send().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "・・・", "（）", "「」、。"})
    void a_search_of_punctuation_only_finds_nothing_rather_than_everything(String q) {
        new Members(api).activeMember(Samples.application());
        awaitProjections();

        Api.Response page = api.get("/api/v1/directory?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).send();

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("items")).as(page.toString()).isEmpty();
    }

    @Test
    void an_unknown_query_parameter_is_refused_naming_it() {
        assertProblem(api.get("/api/v1/directory?categroy=REGULAR").send(), "categroy");
        assertProblem(api.get("/api/v1/directory?category%5B%24ne%5D=x").send(), "category[$ne]");
        assertProblem(api.get("/api/v1/organizations?q%5B%24gt%5D=").token(TestTokens.secretariat()).send(), "q[$gt]");
    }

    @Test
    void an_approval_dated_outside_the_platforms_range_is_refused_and_changes_nothing() {
        Members.Applied applied = new Members(api).apply(Samples.application());
        long events = eventCount();
        for (String joinedOn : List.of("1800-01-01", "-999999999-01-01", "2099-12-31", "2022-01-31")) {
            assertProblem(api.post("/api/v1/organizations/" + applied.id() + "/approval").token(TestTokens.secretariat())
                             .body(Map.of("joinedOn", joinedOn)).send(), "joinedOn");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_bad_profile_patch_is_refused_naming_the_field_and_changes_nothing() {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections();
        String admin = TestTokens.memberAdmin(id);
        String etag = api.get("/api/v1/organizations/" + id).token(admin).send().etag();
        long events = eventCount();

        assertProblem(api.patch("/api/v1/organizations/" + id + "/profile").token(admin).header("If-Match", etag)
                         .body(Map.of("prefectureCodes", List.of("00"))).send(), "prefectureCodes");
        assertProblem(api.patch("/api/v1/organizations/" + id + "/profile").token(admin).header("If-Match", etag)
                         .body(Map.of("nationwide", 1)).send(), "nationwide");
        assertProblem(api.patch("/api/v1/organizations/" + id + "/profile").token(admin).header("If-Match", etag)
                         .body(Map.of("unknown", "x")).send(), "unknown");
        assertProblem(api.patch("/api/v1/organizations/" + id + "/profile").token(admin).header("If-Match", "\"abc\"")
                         .body(Map.of("website", "https://x.example.jp")).send(), "If-Match");
        assertProblem(api.post("/api/v1/organizations/" + id + "/contacts").token(admin)
                         .body(Map.of("name", "担当", "email", "not-an-address")).send(), "email");
        assertProblem(api.post("/api/v1/organizations/" + id + "/suspension").token(TestTokens.secretariat())
                         .body(Map.of("reason", "")).send(), "reason");
        assertProblem(api.post("/api/v1/organizations/" + id + "/category-change").token(TestTokens.secretariat())
                         .body(Map.of("category", "REGULAR", "reason", "x", "effectiveDate", "2024-13-45")).send(),
                "effectiveDate");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void markup_in_free_text_is_stored_as_text_and_returned_as_json_never_as_a_page() {
        Map<String, Object> application = Samples.application();
        String script = "<script>alert('居場所')</script> & \"引用\"";
        Samples.profileOf(application).put("publicDescription", script);
        String id = new Members(api).activeMember(application);
        awaitProjections();

        Api.Response entry = api.get("/api/v1/directory/" + id).send();

        assertThat(entry.json().get("publicDescription").asText()).isEqualTo(script);
        assertThat(entry.header("Content-Type")).startsWith("application/json");
        assertThat(entry.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.findValuesAsText("field")).as(response.toString()).contains(field);
    }

    private long idempotencyRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Long.class);
    }

    private static Arguments raw(String what, String body, String field) {
        return arguments(what, body, field);
    }

    private static Arguments spoil(String what, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> application = Samples.application();
        change.accept(application);
        return arguments(what, Api.json(application), field);
    }

    private static Map<String, Object> profile(Map<String, Object> application) {
        return Samples.profileOf(application);
    }

    private static Map<String, Object> contact(Map<String, Object> application) {
        return Samples.contactOf(application);
    }
}
