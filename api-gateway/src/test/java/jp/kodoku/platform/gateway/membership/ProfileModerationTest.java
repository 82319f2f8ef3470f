package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderated profile changes through the real HTTP API with real tokens: the secretariat switches moderation on, a
 * member admin's change to the public text becomes a proposal that the public does not see, the secretariat approves
 * or rejects it. The setting is platform-wide, so every test leaves it off for the rest of the suite.
 */
class ProfileModerationTest extends ApiTest {

    private static final String SETTING = "/api/v1/settings/profile-moderation";

    private Members members;

    @BeforeEach
    void steps() {
        members = new Members(api);
    }

    @AfterEach
    void moderationOff() {
        Api.Response off = api.put(SETTING).token(TestTokens.secretariat()).body(Map.of("enabled", false)).send();
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        awaitProjections();
    }

    @Test
    void a_member_admins_name_change_waits_for_approval_while_its_other_changes_take_effect() {
        String id = members.activeMember(Samples.application("居場所ネット もりの家", "イバショネットモリノイエ"));
        String admin = TestTokens.memberAdmin(id);
        switchOn();

        Api.Response patched = api.patch(org(id) + "/profile").token(admin).header("If-Match", etag(id, admin))
                                  .body(Map.of("name", "居場所ネット もりの家 東京", "website", "https://mori.example.jp",
                                          "targetGroups", List.of("CHILDREN_AND_YOUTH", "SINGLE_PARENTS"))).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(texts(patched.json().get("proposedFields"))).containsExactly("name", "website");
        String proposalId = patched.json().get("proposalId").asText();
        awaitProjections();

        JsonNode published = api.get("/api/v1/directory/" + id).send().json();
        assertThat(published.get("name").asText()).isEqualTo("居場所ネット もりの家");
        assertThat(published.get("website").asText()).isNotEqualTo("https://mori.example.jp");
        assertThat(texts(published.get("targetGroups"))).containsExactlyInAnyOrder("CHILDREN_AND_YOUTH", "SINGLE_PARENTS");
        JsonNode page = api.get(org(id)).token(admin).send().json();
        assertThat(page.get("profile").get("name").asText()).isEqualTo("居場所ネット もりの家");

        JsonNode own = api.get(org(id) + "/profile-proposals").token(admin).send().json();
        assertThat(own.get(0).get("proposalId").asText()).isEqualTo(proposalId);
        assertThat(own.get(0).get("status").asText()).isEqualTo("PENDING");
        JsonNode queued = pendingOf(id);
        assertThat(queued.get("changes").get(0).get("field").asText()).isEqualTo("name");
        assertThat(queued.get("changes").get(0).get("from").asText()).isEqualTo("居場所ネット もりの家");
        assertThat(queued.get("changes").get(0).get("to").asText()).isEqualTo("居場所ネット もりの家 東京");

        String current = etag(id, TestTokens.secretariat());
        Api.Response stale = api.post(org(id) + "/profile-proposals/" + proposalId + "/approval")
                                .token(TestTokens.secretariat()).header("If-Match", "\"1\"").send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        Api.Response approved = api.post(org(id) + "/profile-proposals/" + proposalId + "/approval")
                                   .token(TestTokens.secretariat()).header("If-Match", current)
                                   .body(Map.of("note", "登記事項を確認しました。")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        awaitProjections();

        published = api.get("/api/v1/directory/" + id).send().json();
        assertThat(published.get("name").asText()).isEqualTo("居場所ネット もりの家 東京");
        assertThat(published.get("website").asText()).isEqualTo("https://mori.example.jp");
        assertThat(api.get("/api/v1/directory?q=" + URLEncoder.encode("もりの家 東京", StandardCharsets.UTF_8)).send().json().get("items"))
                .anySatisfy(item -> assertThat(item.get("organizationId").asText()).isEqualTo(id));
        assertThat(api.get(org(id) + "/profile-proposals").token(admin).send().json().get(0).get("status").asText())
                .isEqualTo("APPROVED");
        List<String> nameHistory = new ArrayList<>();
        api.get(org(id) + "/history").token(admin).send().json().forEach(entry -> {
            if (entry.get("field").asText().equals("name")) {
                nameHistory.add(entry.get("kind").asText());
            }
        });
        assertThat(nameHistory).containsExactly("CHANGED", "APPROVED", "PROPOSED");
    }

    @Test
    void a_proposed_name_another_organization_took_meanwhile_cannot_be_approved_and_is_rejected_with_a_reason() {
        String id = members.activeMember(Samples.application());
        String admin = TestTokens.memberAdmin(id);
        switchOn();
        Map<String, Object> other = Samples.application();
        String wanted = (String) Samples.profileOf(other).get("name");

        Api.Response patched = api.patch(org(id) + "/profile").token(admin).header("If-Match", etag(id, admin))
                                  .body(Map.of("name", wanted)).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        String proposalId = patched.json().get("proposalId").asText();
        // the proposal claimed nothing: another organization may apply with that name
        members.apply(other);

        long before = eventCount();
        Api.Response approval = api.post(org(id) + "/profile-proposals/" + proposalId + "/approval")
                                   .token(TestTokens.secretariat()).send();
        assertThat(approval.status()).as(approval.toString()).isEqualTo(409);
        assertThat(approval.json().get("type").asText()).endsWith("duplicate-organization");
        Api.Response withoutReason = api.post(org(id) + "/profile-proposals/" + proposalId + "/rejection")
                                        .token(TestTokens.secretariat()).body(Map.of("reason", " ")).send();
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
        assertThat(texts(withoutReason.json().get("errors").findValues("field"))).contains("reason");
        assertThat(eventCount()).as("events stored").isEqualTo(before);

        Api.Response rejected = api.post(org(id) + "/profile-proposals/" + proposalId + "/rejection")
                                   .token(TestTokens.secretariat())
                                   .body(Map.of("reason", "同名の団体が既に登録されています。")).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode outcome = api.get(org(id) + "/profile-proposals").token(admin).send().json().get(0);
        assertThat(outcome.get("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.get("note").asText()).isEqualTo("同名の団体が既に登録されています。");
        assertThat(api.get("/api/v1/directory/" + id).send().json().get("name").asText())
                .isNotEqualTo(wanted);
    }

    @Test
    void only_the_secretariat_decides_and_an_organization_sees_only_its_own_proposals() {
        String id = members.activeMember(Samples.application());
        String elsewhere = members.activeMember(Samples.application());
        String admin = TestTokens.memberAdmin(id);
        switchOn();
        Api.Response patched = api.patch(org(id) + "/profile").token(admin).header("If-Match", etag(id, admin))
                                  .body(Map.of("publicDescription", "世田谷区で居場所を運営しています。")).send();
        String proposalId = patched.json().get("proposalId").asText();
        awaitProjections();
        String decision = org(id) + "/profile-proposals/" + proposalId + "/approval";

        assertThat(api.post(decision).token(admin).send().status()).isEqualTo(403);
        assertThat(api.post(decision).token(TestTokens.memberAdmin(elsewhere)).send().status()).isEqualTo(403);
        assertThat(api.post(decision).send().status()).isEqualTo(401);
        assertThat(api.get(org(id) + "/profile-proposals").token(TestTokens.memberAdmin(elsewhere)).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/profile-proposals").token(admin).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/profile-proposals").send().status()).isEqualTo(401);
        assertThat(api.put(SETTING).token(admin).body(Map.of("enabled", false)).send().status()).isEqualTo(403);
        JsonNode setting = api.get(SETTING).token(TestTokens.memberAdmin(elsewhere)).send().json();
        assertThat(setting.get("enabled").asBoolean()).isTrue();
        assertThat(setting.get("changedBy").asText()).isNotBlank();
        assertThat(api.get(SETTING).send().status()).isEqualTo(401);
    }

    @Test
    void a_second_change_replaces_the_pending_proposal_and_switching_off_leaves_it_for_the_secretariat() {
        String id = members.activeMember(Samples.application());
        String admin = TestTokens.memberAdmin(id);
        switchOn();
        Api.Response first = api.patch(org(id) + "/profile").token(admin).header("If-Match", etag(id, admin))
                                .body(Map.of("website", "https://first.example.jp")).send();
        Api.Response second = api.patch(org(id) + "/profile").token(admin).header("If-Match", first.etag())
                                 .body(Map.of("publicDescription", "二度目の変更です。")).send();
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(texts(second.json().get("proposedFields"))).containsExactly("website", "publicDescription");
        Api.Response off = api.put(SETTING).token(TestTokens.secretariat()).body(Map.of("enabled", false)).send();
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode proposals = api.get(org(id) + "/profile-proposals").token(admin).send().json();
        assertThat(proposals.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(proposals.get(0).get("replacesProposalId").asText())
                .isEqualTo(first.json().get("proposalId").asText());
        assertThat(proposals.get(1).get("status").asText()).isEqualTo("REPLACED");
        assertThat(pendingOf(id).get("proposalId").asText()).isEqualTo(second.json().get("proposalId").asText());
    }

    @Test
    void the_proposals_their_history_and_the_setting_are_rebuilt_from_the_events_as_they_were() {
        String id = members.activeMember(Samples.application());
        String admin = TestTokens.memberAdmin(id);
        switchOn();
        Api.Response first = api.patch(org(id) + "/profile").token(admin).header("If-Match", etag(id, admin))
                                .body(Map.of("website", "https://rebuild-1.example.jp")).send();
        Api.Response rejected = api.post(org(id) + "/profile-proposals/" + first.json().get("proposalId").asText()
                + "/rejection").token(TestTokens.secretariat()).body(Map.of("reason", "リンク先を確認できません。")).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        Api.Response second = api.patch(org(id) + "/profile").token(admin).header("If-Match", rejected.etag())
                                 .body(Map.of("website", "https://rebuild-2.example.jp")).send();
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        awaitProjections();
        String proposals = api.get(org(id) + "/profile-proposals").token(admin).send().text();
        String history = api.get(org(id) + "/history").token(admin).send().text();
        String setting = api.get(SETTING).token(TestTokens.secretariat()).send().text();
        String queued = pendingOf(id).toString();

        projections.rebuild("profile-history");
        awaitProjections();

        assertThat(api.get(org(id) + "/profile-proposals").token(admin).send().text()).isEqualTo(proposals);
        assertThat(api.get(org(id) + "/history").token(admin).send().text()).isEqualTo(history);
        assertThat(api.get(SETTING).token(TestTokens.secretariat()).send().text()).isEqualTo(setting);
        assertThat(pendingOf(id).toString()).isEqualTo(queued);
    }

    private void switchOn() {
        Api.Response read = api.get(SETTING).token(TestTokens.secretariat()).send();
        Api.Call call = api.put(SETTING).token(TestTokens.secretariat()).body(Map.of("enabled", true));
        if (read.etag() != null) {
            call.header("If-Match", read.etag());
        }
        Api.Response on = call.send();
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        awaitProjections();
    }

    /** The organization's pending proposal in the secretariat's queue, paging through it. */
    private JsonNode pendingOf(String id) {
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/profile-proposals?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                                   .token(TestTokens.secretariat()).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                if (item.get("organizationId").asText().equals(id)) {
                    return item;
                }
            }
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        throw new AssertionError("no pending proposal of " + id + " in the queue");
    }

    /** The organization's version now: after the accounts processor recorded the approval's account, too. */
    private String etag(String id, String token) {
        awaitProjections();
        awaitProjections();
        return api.get(org(id)).token(token).send().etag();
    }

    private static List<String> texts(Iterable<JsonNode> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static String org(String id) {
        return "/api/v1/organizations/" + id;
    }
}
