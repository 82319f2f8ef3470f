package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A member admin (and the secretariat) reads who changed which field of the profile, in Japanese, newest first. */
class ProfileHistoryPagesTest extends ApiTest {

    private static final String SETTING = "/api/v1/settings/profile-moderation";

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void moderationOff() {
        Api.Response off = api.put(SETTING).token(TestTokens.secretariat()).body(Map.of("enabled", false)).send();
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        awaitProjections();
    }

    private static OidcLoginRequestPostProcessor adminOf(String organizationId) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organizationId).claim("name", "団体管理 一郎"));
    }

    private static OidcLoginRequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }

    private Api.Response patch(String id, String token, Map<String, Object> body) {
        awaitProjections();
        String etag = api.get("/api/v1/organizations/" + id).token(token).send().etag();
        Api.Response patched = api.patch("/api/v1/organizations/" + id + "/profile").token(token)
                                  .header("If-Match", etag).body(body).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        return patched;
    }

    /** The table's rows as text, cell by cell. */
    private static List<List<String>> rows(Document page) {
        return page.select("table.history tbody tr").stream()
                   .map(tr -> tr.select("th, td").stream().map(Element::text).toList()).toList();
    }

    @Test
    void a_member_admin_sees_each_change_newest_first_with_japanese_field_names_and_values() throws Exception {
        String id = new Members(api).activeMember(Samples.application());
        patch(id, TestTokens.secretariat(), Map.of("website", "https://hidamari.example.jp"));
        patch(id, TestTokens.secretariat(), Map.of("bodyType", "INTERMEDIARY_SUPPORT", "website", "https://hidamari2.example.jp"));
        awaitProjections();

        Document page = PageChecks.page(mvc.perform(get("/organizations/" + id + "/history").with(adminOf(id))).andReturn());

        List<List<String>> rows = rows(page);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        // columns: when, what, field, before, after, who, note
        assertThat(rows.get(0).get(1)).isEqualTo("変更");
        assertThat(rows.subList(0, 2)).anySatisfy(r -> assertThat(r.subList(2, 5))
                .containsExactly("ウェブサイト", "https://hidamari.example.jp", "https://hidamari2.example.jp"));
        assertThat(rows.subList(0, 2)).anySatisfy(r -> assertThat(r.subList(2, 5))
                .containsExactly("団体の種類", "NPO等支援団体", "中間支援組織"));
        assertThat(rows.subList(2, rows.size())).anySatisfy(r -> assertThat(r.subList(2, 5).get(2))
                .isEqualTo("https://hidamari.example.jp"));
        assertThat(rows.get(0).get(0)).as("a date with its Japanese era").startsWith("令和");
        assertThat(rows.get(0).get(5)).isNotBlank();
    }

    @Test
    void a_proposal_and_its_rejection_are_shown_as_steps_in_japanese_with_the_reason() throws Exception {
        String id = new Members(api).activeMember(Samples.application("居場所ネット もりの家", "イバショネットモリノイエ"));
        switchOn();
        String proposalId = patch(id, TestTokens.memberAdmin(id), Map.of("name", "居場所ネット もりの家 東京"))
                .json().get("proposalId").asText();
        awaitProjections();
        String etag = api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().etag();
        Api.Response rejected = api.post("/api/v1/organizations/" + id + "/profile-proposals/" + proposalId + "/rejection")
                                   .token(TestTokens.secretariat()).header("If-Match", etag)
                                   .body(Map.of("reason", "登記上の名称と異なります。")).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        awaitProjections();

        Document page = PageChecks.page(mvc.perform(get("/organizations/" + id + "/history").with(adminOf(id))).andReturn());

        List<List<String>> rows = rows(page);
        assertThat(rows.get(0).subList(1, 5))
                .containsExactly("申請を却下", "団体名", "居場所ネット もりの家", "居場所ネット もりの家 東京");
        assertThat(rows.get(0).get(6)).isEqualTo("登記上の名称と異なります。");
        assertThat(rows.get(1).subList(1, 3)).containsExactly("変更を申請", "団体名");
    }

    @Test
    void the_secretariat_reads_any_organizations_history_and_another_organizations_admin_cannot() throws Exception {
        String id = new Members(api).activeMember(Samples.application());
        String other = new Members(api).activeMember(Samples.application());
        awaitProjections();

        MvcResult secretariat = mvc.perform(get("/organizations/" + id + "/history").with(secretariat())).andReturn();
        MvcResult refused = mvc.perform(get("/organizations/" + id + "/history").with(adminOf(other))).andReturn();
        MvcResult anonymous = mvc.perform(get("/organizations/" + id + "/history")).andReturn();

        assertThat(PageChecks.page(secretariat).select("h1").text()).isEqualTo("団体情報の変更履歴");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("団体情報の変更履歴");
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void the_header_link_leads_a_member_admin_to_its_own_history() throws Exception {
        String id = new Members(api).activeMember(Samples.application());

        MvcResult result = mvc.perform(get("/my-organization/history").with(adminOf(id))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/history");
        Document top = PageChecks.page(mvc.perform(get("/").with(adminOf(id))).andReturn());
        assertThat(top.select("nav.site-nav a[href=/my-organization/history]")).hasSize(1);
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
}
