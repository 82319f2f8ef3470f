package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The member lifecycle through the real HTTP API, from application to withdrawal. */
class MembershipLifecycleTest extends ApiTest {

    private Members members;

    @BeforeEach
    void steps() {
        members = new Members(api);
    }

    @Test
    void an_applicant_follows_its_application_through_the_private_link_and_resubmits_when_sent_back() {
        Members.Applied applied = members.apply(Samples.application());
        awaitProjections();

        Api.Response seen = api.get(applied.accessUrl()).send();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(seen.json().get("contacts").get(0).get("name").asText()).startsWith("担当 花子");

        Api.Response sentBack = api.post("/api/v1/organizations/" + applied.id() + "/send-back")
                                   .token(TestTokens.secretariat())
                                   .body(Map.of("comment", "活動地域を確認させてください。")).send();
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        awaitProjections();
        JsonNode returned = api.get(applied.accessUrl()).send().json();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED_FOR_CHANGES");
        assertThat(returned.get("lastDecisionNote").asText()).isEqualTo("活動地域を確認させてください。");

        Map<String, Object> corrected = applied.body();
        Samples.profileOf(corrected).put("prefectureCodes", List.of("13"));
        corrected.remove("bylawsVersion");
        Api.Response resubmitted = api.put(applied.accessUrl()).body(corrected).send();
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get(applied.accessUrl()).send().json().get("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void a_link_that_was_never_issued_finds_nothing() {
        assertThat(api.get("/api/v1/applications/access/not-a-real-link").send().status()).isEqualTo(404);
    }

    @Test
    void approval_assigns_a_member_number_and_lists_the_member_in_the_public_directory() {
        Members.Applied applied = members.apply(Samples.application());
        assertThat(api.post("/api/v1/organizations/" + applied.id() + "/approval").token(TestTokens.secretariat())
                      .body(Map.of("joinedOn", "2024-04-01")).send().status()).isEqualTo(200);
        awaitProjections();

        Api.Response entry = api.get("/api/v1/directory/" + applied.id()).send();
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.json().get("memberNumber").asInt()).isPositive();
        assertThat(entry.json().get("joinedOn").asText()).isEqualTo("2024-04-01");
        assertThat(entry.text()).doesNotContain("担当 花子").doesNotContain("@ibasho.example.jp");
    }

    @Test
    void a_second_application_with_the_same_corporate_number_is_refused_naming_the_existing_organization() {
        Map<String, Object> first = Samples.application();
        Members.Applied applied = members.apply(first);
        Map<String, Object> second = Samples.application();
        Samples.profileOf(second).put("corporateNumber", Samples.profileOf(first).get("corporateNumber"));
        long before = eventCount();

        Api.Response refused = api.post("/api/v1/applications").body(second).send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("existingOrganizationId").asText()).isEqualTo(applied.id());
        assertThat(refused.json().get("existingOrganizationName").asText()).isEqualTo(Samples.profileOf(first).get("name"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_second_application_with_the_same_name_in_other_widths_and_kana_is_refused() {
        Map<String, Object> first = Samples.application();
        members.apply(first);
        Map<String, Object> second = Samples.application();
        String name = (String) Samples.profileOf(first).get("name");
        // 「こども」 in katakana and the tag in half-width forms: the same organization to a Japanese reader.
        String variant = java.text.Normalizer.normalize(name.replace("こども", "コドモ"), java.text.Normalizer.Form.NFKC);
        Samples.profileOf(second).put("name", toHalfWidthKatakana(variant));

        Api.Response refused = api.post("/api/v1/applications").body(second).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("profile.name");
    }

    @Test
    void a_member_admin_updates_its_own_profile_with_if_match_and_a_stale_version_changes_nothing() {
        String id = members.activeMember(Samples.application());
        awaitProjections();
        String admin = TestTokens.memberAdmin(id);
        Api.Response read = api.get("/api/v1/organizations/" + id).token(admin).send();
        assertThat(read.status()).isEqualTo(200);
        String etag = read.etag();

        Api.Response updated = api.patch("/api/v1/organizations/" + id + "/profile").token(admin)
                                  .header("If-Match", etag)
                                  .body(Map.of("website", "https://new-ibasho.example.jp", "publicDescription",
                                          "活動を広げました。")).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.etag()).isNotEqualTo(etag);

        long before = eventCount();
        Api.Response stale = api.patch("/api/v1/organizations/" + id + "/profile").token(admin)
                                .header("If-Match", etag).body(Map.of("website", "https://stale.example.jp")).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);

        Api.Response missing = api.patch("/api/v1/organizations/" + id + "/profile").token(admin)
                                  .body(Map.of("website", "https://nomatch.example.jp")).send();
        assertThat(missing.status()).isEqualTo(428);

        awaitProjections();
        JsonNode history = api.get("/api/v1/organizations/" + id + "/history").token(admin).send().json();
        assertThat(history).anySatisfy(change -> {
            assertThat(change.get("field").asText()).isEqualTo("website");
            assertThat(change.get("after").asText()).isEqualTo("https://new-ibasho.example.jp");
            assertThat(change.get("before").asText()).startsWith("https://ibasho-");
            assertThat(change.get("changedBy").asText()).startsWith("admin-");
        });
    }

    @Test
    void merge_patch_null_removes_an_optional_field_but_not_a_required_one() {
        String id = members.activeMember(Samples.application());
        String etag = currentEtag(id);
        Map<String, Object> clearWebsite = new java.util.HashMap<>();
        clearWebsite.put("website", null);
        Api.Response cleared = api.patch("/api/v1/organizations/" + id + "/profile").token(TestTokens.secretariat())
                                  .header("If-Match", etag).body(clearWebsite).send();
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);

        Map<String, Object> clearName = new java.util.HashMap<>();
        clearName.put("name", null);
        Api.Response refused = api.patch("/api/v1/organizations/" + id + "/profile").token(TestTokens.secretariat())
                                  .header("If-Match", cleared.etag()).body(clearName).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void a_member_admin_of_another_organization_is_forbidden() {
        String mine = members.activeMember(Samples.application());
        String theirs = members.activeMember(Samples.application());
        awaitProjections();
        String admin = TestTokens.memberAdmin(mine);

        assertThat(api.get("/api/v1/organizations/" + theirs).token(admin).send().status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/organizations/" + theirs + "/profile").token(admin).header("If-Match", "\"1\"")
                      .body(Map.of("website", "https://hijack.example.jp")).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations/" + mine + "/approval").token(admin).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/organizations").token(admin).send().status()).isEqualTo(403);
    }

    @Test
    void contacts_are_added_changed_made_primary_and_removed_by_the_member_admin() {
        String id = members.activeMember(Samples.application());
        String admin = TestTokens.memberAdmin(id);
        Api.Response added = api.post("/api/v1/organizations/" + id + "/contacts").token(admin)
                                .body(Map.of("name", "広報 次郎", "email", "jiro@ibasho.example.jp", "department", "広報部"))
                                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String contactId = added.json().get("contactId").asText();

        Api.Response changed = api.put("/api/v1/organizations/" + id + "/contacts/" + contactId).token(admin)
                                  .header("If-Match", added.etag())
                                  .body(Map.of("name", "広報 次郎", "email", "jiro.koho@ibasho.example.jp")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        Api.Response primary = api.put("/api/v1/organizations/" + id + "/primary-contact").token(admin)
                                  .body(Map.of("contactId", contactId)).send();
        assertThat(primary.status()).as(primary.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode contacts = api.get("/api/v1/organizations/" + id).token(admin).send().json().get("contacts");
        assertThat(contacts).hasSize(2);
        JsonNode jiro = contacts.findParents("contactId").stream()
                                .filter(c -> c.get("contactId").asText().equals(contactId)).findFirst().orElseThrow();
        assertThat(jiro.get("email").asText()).isEqualTo("jiro.koho@ibasho.example.jp");
        assertThat(jiro.get("primary").asBoolean()).isTrue();

        Api.Response removePrimary = api.delete("/api/v1/organizations/" + id + "/contacts/" + contactId).token(admin).send();
        assertThat(removePrimary.status()).isEqualTo(409);
    }

    @Test
    void the_secretariat_runs_the_member_lifecycle_and_a_withdrawn_member_leaves_the_directory() {
        String id = members.activeMember(Samples.application());
        String secretariat = TestTokens.secretariat();
        String path = "/api/v1/organizations/" + id;

        assertThat(api.post(path + "/steering-term").token(secretariat).body(Map.of("termStart", "2024-06-01")).send().status())
                .isEqualTo(200);
        assertThat(api.post(path + "/suspension").token(secretariat).body(Map.of("reason", "会費未納")).send().status())
                .isEqualTo(200);
        assertThat(api.post(path + "/category-change").token(secretariat)
                      .body(Map.of("category", "SUPPORTING", "reason", "申出", "effectiveDate", "2025-04-01")).send().status())
                .as("only active members change category").isEqualTo(409);
        assertThat(api.post(path + "/reinstatement").token(secretariat).body(Map.of("reason", "納付確認")).send().status())
                .isEqualTo(200);
        assertThat(api.post(path + "/withdrawal").token(secretariat)
                      .body(Map.of("kind", "REQUESTED_BY_MEMBER", "reason", "活動終了のため", "effectiveDate", "2025-03-31"))
                      .send().status()).isEqualTo(200);
        awaitProjections();

        assertThat(api.get("/api/v1/directory/" + id).send().status()).isEqualTo(404);
        JsonNode details = api.get(path).token(secretariat).send().json();
        assertThat(details.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(details.get("steeringMember").asBoolean()).as("withdrawal ends the steering term").isFalse();
        Api.Response afterwards = api.post(path + "/suspension").token(secretariat).body(Map.of("reason", "x")).send();
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.json().get("detail").asText()).contains("withdrawn");

        JsonNode withdrawn = api.get("/api/v1/organizations?status=WITHDRAWN&limit=100").token(secretariat).send().json();
        assertThat(withdrawn.get("items").findValuesAsText("organizationId")).contains(id);
    }

    @Test
    void every_event_records_who_acted_and_for_which_request() {
        String correlationId = "test-" + System.nanoTime();
        Api.Response created = api.post("/api/v1/applications").header("X-Correlation-Id", correlationId)
                                  .body(Samples.application()).send();
        assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
        String id = created.json().get("organizationId").asText();
        api.post("/api/v1/organizations/" + id + "/approval").token(TestTokens.secretariat()).send();

        List<String> metadata = jdbc.queryForList(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND sequencenumber < 2 ORDER BY sequencenumber", String.class, id);
        assertThat(metadata).hasSize(2);
        assertThat(metadata.get(0)).contains("\"principal\":\"anonymous\"").contains(correlationId);
        assertThat(metadata.get(1)).contains("\"principal\":\"jimukyoku\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND timestamp IS NULL", Integer.class, id)).isZero();
    }

    private String currentEtag(String id) {
        awaitProjections();
        return api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().etag();
    }

    private static String toHalfWidthKatakana(String text) {
        StringBuilder out = new StringBuilder();
        String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンドバビブベボパピプペポガギグゲゴザジズゼゾダヂヅデ";
        String[] half = {"ｱ","ｲ","ｳ","ｴ","ｵ","ｶ","ｷ","ｸ","ｹ","ｺ","ｻ","ｼ","ｽ","ｾ","ｿ","ﾀ","ﾁ","ﾂ","ﾃ","ﾄ","ﾅ","ﾆ","ﾇ","ﾈ","ﾉ","ﾊ","ﾋ","ﾌ","ﾍ","ﾎ","ﾏ","ﾐ","ﾑ","ﾒ","ﾓ","ﾔ","ﾕ","ﾖ","ﾗ","ﾘ","ﾙ","ﾚ","ﾛ","ﾜ","ｦ","ﾝ","ﾄﾞ","ﾊﾞ","ﾋﾞ","ﾌﾞ","ﾍﾞ","ﾎﾞ","ﾊﾟ","ﾋﾟ","ﾌﾟ","ﾍﾟ","ﾎﾟ","ｶﾞ","ｷﾞ","ｸﾞ","ｹﾞ","ｺﾞ","ｻﾞ","ｼﾞ","ｽﾞ","ｾﾞ","ｿﾞ","ﾀﾞ","ﾁﾞ","ﾂﾞ","ﾃﾞ"};
        for (char c : text.toCharArray()) {
            int i = full.indexOf(c);
            out.append(i >= 0 ? half[i] : String.valueOf(c));
        }
        return out.toString();
    }
}
