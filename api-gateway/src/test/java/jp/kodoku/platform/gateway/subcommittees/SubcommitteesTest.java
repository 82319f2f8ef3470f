package jp.kodoku.platform.gateway.subcommittees;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Subcommittees (分科会) through the HTTP API, with real tokens from the test Keycloak. */
class SubcommitteesTest extends ApiTest {

    private Members members;
    private Subcommittees subcommittees;

    @BeforeEach
    void steps() {
        members = new Members(api);
        subcommittees = new Subcommittees(api);
    }

    @Test
    void anyone_reads_a_subcommittee_with_the_names_of_its_lead_organizations() {
        String lead = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);
        awaitProjections();

        Api.Response one = api.get("/api/v1/subcommittees/" + id).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.etag()).isEqualTo("\"1\"");
        assertThat(one.json().get("leadOrganizations").get(0).get("id").asText()).isEqualTo(lead);
        assertThat(one.json().get("leadOrganizations").get(0).get("name").asText()).startsWith("こども居場所ネットワーク");
        assertThat(one.json().get("status").asText()).isEqualTo("ACTIVE");
        Api.Response list = api.get("/api/v1/subcommittees").send();
        assertThat(ids(list.json())).contains(id);
        assertThat(api.get("/api/v1/subcommittees/" + id + "/members").send().status()).isEqualTo(401);
    }

    @Test
    void an_appointed_chair_runs_its_subcommittee_from_the_claim_in_its_token_and_loses_it_when_the_term_ends() throws Exception {
        String lead = members.activeMember(Samples.application());
        String joining = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);
        Subcommittees.Chair chair = subcommittees.appointChair(id, lead);

        assertThat(claims(chair.token()).get("subcommittee_id").asText()).isEqualTo(id);
        Api.Response added = subcommittees.post(id, "/members", chair.token(), Map.of("organizationId", joining));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);

        Api.Response ended = subcommittees.post(id, "/chairs/" + chair.userId() + "/end", TestTokens.secretariat(),
                Map.of("reason", "任期満了"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        String after = TestTokens.tokenOf(chair.username());
        assertThat(claims(after).has("subcommittee_id")).isFalse();
        assertThat(subcommittees.post(id, "/members/" + joining + "/removal", after, Map.of("reason", "確認")).status())
                .isEqualTo(403);
    }

    @Test
    void the_chair_of_another_subcommittee_is_refused() {
        String lead = members.activeMember(Samples.application());
        String joining = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);

        Api.Response refused = subcommittees.post(id, "/members", TestTokens.chair(), Map.of("organizationId", joining));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void only_active_members_of_the_platform_join() {
        String lead = members.activeMember(Samples.application());
        String applying = members.apply(Samples.application()).id();
        awaitProjections();
        String id = subcommittees.create(lead);

        Api.Response refused = subcommittees.post(id, "/members", TestTokens.secretariat(), Map.of("organizationId", applying));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("only an active member of the platform");
    }

    @Test
    void a_member_admin_asks_to_join_a_chair_approves_and_the_member_admin_then_sees_the_members() {
        String lead = members.activeMember(Samples.application());
        String asking = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);
        Subcommittees.Chair chair = subcommittees.appointChair(id, lead);
        String admin = TestTokens.memberAdmin(asking);
        awaitProjections();
        assertThat(api.get("/api/v1/subcommittees/" + id + "/members").token(admin).send().status()).isEqualTo(403);

        Api.Response asked = subcommittees.post(id, "/membership-requests", admin,
                Map.of("organizationId", asking, "note", "相談窓口の連携について知見を共有したい"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        Api.Response approved = subcommittees.post(id, "/membership-requests/" + asking + "/approval", chair.token(), Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        awaitProjections();

        Api.Response seen = api.get("/api/v1/subcommittees/" + id + "/members").token(admin).send();
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        List<String> memberIds = new ArrayList<>();
        seen.json().get("members").forEach(m -> memberIds.add(m.get("organization").get("id").asText()));
        assertThat(memberIds).containsExactly(lead, asking);
        assertThat(seen.json().get("members").get(1).get("route").asText()).isEqualTo("REQUEST_APPROVED");
        assertThat(seen.json().get("chairs").get(0).get("userId").asText()).isEqualTo(chair.userId());
        assertThat(ids(api.get("/api/v1/organizations/" + asking + "/subcommittees").token(admin).send().json()))
                .containsExactly(id);
    }

    @Test
    void a_suspended_member_leaves_its_subcommittees_with_the_reason() {
        String lead = members.activeMember(Samples.application());
        String member = members.activeMember(Samples.application());
        awaitProjections();
        String first = subcommittees.create(lead);
        String second = subcommittees.create(lead);
        for (String id : List.of(first, second)) {
            assertThat(subcommittees.post(id, "/members", TestTokens.secretariat(), Map.of("organizationId", member))
                                    .status()).isEqualTo(200);
        }

        Api.Response suspended = api.post("/api/v1/organizations/" + member + "/suspension")
                                    .token(TestTokens.secretariat()).body(Map.of("reason", "会費未納")).send();
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

        for (String id : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode details = api.get("/api/v1/subcommittees/" + id + "/members").token(TestTokens.secretariat())
                                      .send().json();
                assertThat(details.get("members").toString()).doesNotContain(member);
                JsonNode former = details.get("formerMembers").get(0);
                assertThat(former.get("organization").get("id").asText()).isEqualTo(member);
                assertThat(former.get("cause").asText()).isEqualTo("MEMBERSHIP_SUSPENDED");
                assertThat(former.get("reason").asText()).isEqualTo("資格停止: 会費未納");
            });
        }
        assertThat(api.get("/api/v1/organizations/" + member + "/subcommittees").token(TestTokens.secretariat())
                      .send().json()).isEmpty();
    }

    @Test
    void a_closed_subcommittee_shows_why_and_changes_no_more() {
        String lead = members.activeMember(Samples.application());
        String joining = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);

        Api.Response closed = subcommittees.post(id, "/closure", TestTokens.secretariat(), Map.of("reason", "検討を終えたため"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(subcommittees.post(id, "/members", TestTokens.secretariat(), Map.of("organizationId", joining)).status())
                .isEqualTo(409);
        awaitProjections();
        JsonNode one = api.get("/api/v1/subcommittees/" + id).send().json();
        assertThat(one.get("status").asText()).isEqualTo("CLOSED");
        assertThat(one.get("closedReason").asText()).isEqualTo("検討を終えたため");
    }

    @Test
    void a_number_is_used_once_and_a_stale_version_is_refused() {
        String lead = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);
        int number = Integer.parseInt(id.substring("bunkakai-".length()));

        Api.Response again = api.post("/api/v1/subcommittees").token(TestTokens.secretariat())
                                .body(Map.of("number", number, "title", "重複", "leadOrganizationIds", List.of(lead))).send();
        assertThat(again.status()).isEqualTo(409);
        Api.Response stale = api.post("/api/v1/subcommittees/" + id + "/closure").token(TestTokens.secretariat())
                                .header("If-Match", "\"0\"").body(Map.of("reason", "確認")).send();
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void the_read_models_are_rebuilt_from_the_events_as_they_were() {
        String lead = members.activeMember(Samples.application());
        awaitProjections();
        String id = subcommittees.create(lead);
        subcommittees.post(id, "/closure", TestTokens.secretariat(), Map.of("reason", "再構築の確認"));
        awaitProjections();
        String before = api.get("/api/v1/subcommittees/" + id + "/members").token(TestTokens.secretariat()).send().text();

        Api.Response rebuild = api.post("/api/v1/admin/projections/subcommittees/rebuild").token(TestTokens.secretariat()).send();
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(AssertionError.class).untilAsserted(() ->
                assertThat(api.get("/api/v1/subcommittees/" + id + "/members").token(TestTokens.secretariat()).send().text())
                        .isEqualTo(before));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
