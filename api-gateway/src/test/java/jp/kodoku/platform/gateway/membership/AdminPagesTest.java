package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A member admin lists, invites and removes the admins of its organization on pages, with the API's rules. */
class AdminPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static OidcLoginRequestPostProcessor adminOf(String organizationId) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organizationId).claim("name", "団体管理 一郎"));
    }

    /** An active member whose first admin account is provisioned and recorded: the version the forms show is final. */
    private String activeMemberWithItsAccount() {
        String id = new Members(api).activeMember(Samples.application());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class, id, "%.MemberAdminAccountProvisioned") == 1);
        awaitProjections();
        return id;
    }

    private static MockHttpServletRequestBuilder sendBack(Document page, Map<String, String> changed) {
        var form = page.select("main form[method=post]").first();
        MockHttpServletRequestBuilder post = post(form.attr("action"));
        form.select("input[type=hidden]:not([name=_csrf]), input[type=text]")
            .forEach(e -> post.param(e.attr("name"), changed.getOrDefault(e.attr("name"), e.val())));
        return post;
    }

    private Document open(String path, OidcLoginRequestPostProcessor as) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return PageChecks.page(result);
    }

    @Test
    void a_member_admin_invites_another_admin_who_is_listed_and_then_removes_them_after_confirming() throws Exception {
        String id = activeMemberWithItsAccount();
        String invitee = "jiro" + System.nanoTime() + "@invite.example.jp";
        String admins = "/organizations/" + id + "/admins";

        MvcResult invited = mvc.perform(sendBack(open(admins, adminOf(id)), Map.of("name", "招待 次郎", "email", invitee))
                                             .with(adminOf(id)).with(csrf())).andReturn();

        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo(admins);
        assertThat(invited.getFlashMap().get("flash")).asString().contains("招待しました");
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).hasSize(1);
        String userId = TestTokens.realm().users().searchByEmail(invitee, true).get(0).getId();
        awaitProjections();
        Document list = open(admins, adminOf(id));
        assertThat(list.select("table.admins tbody").text()).contains(invitee).contains("パスワード設定待ち");
        String removal = admins + "/" + userId + "/removal";
        assertThat(list.select("a[href=" + removal + "]")).hasSize(1);

        Document confirmation = open(removal, adminOf(id));
        assertThat(confirmation.select("main").text()).contains(invitee).contains("ログインできなくなります");
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).as("nothing removed before confirming").hasSize(1);
        MvcResult removed = mvc.perform(sendBack(confirmation, Map.of()).with(adminOf(id)).with(csrf())).andReturn();

        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo(admins);
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).isEmpty();
    }

    @Test
    void an_invitation_with_a_broken_address_shows_the_form_again_with_the_error_at_its_field() throws Exception {
        String id = activeMemberWithItsAccount();
        long events = eventCount();

        MvcResult refused = mvc.perform(sendBack(open("/organizations/" + id + "/admins", adminOf(id)),
                Map.of("name", "招待 次郎", "email", "アドレスではない")).with(adminOf(id)).with(csrf())).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-email]")).hasSize(1);
        assertThat(page.select("#field-email").val()).isEqualTo("アドレスではない");
        assertThat(page.select("#field-name").val()).isEqualTo("招待 次郎");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void another_organizations_admin_sees_no_account_and_invites_nobody() throws Exception {
        String id = activeMemberWithItsAccount();
        String other = new Members(api).activeMember(Samples.application());
        String invitee = "evil" + System.nanoTime() + "@invite.example.jp";

        MvcResult list = mvc.perform(get("/organizations/" + id + "/admins").with(adminOf(other))).andReturn();
        MvcResult invite = mvc.perform(post("/organizations/" + id + "/admins").param("name", "侵入 者")
                                               .param("email", invitee).with(adminOf(other)).with(csrf())).andReturn();
        MvcResult forged = mvc.perform(post("/organizations/" + id + "/admins").param("name", "偽造 太郎")
                                               .param("email", invitee).with(adminOf(id))).andReturn();

        assertThat(list.getResponse().getStatus()).isEqualTo(403);
        assertThat(list.getResponse().getContentAsString()).doesNotContain("@");
        assertThat(invite.getResponse().getStatus()).isEqualTo(403);
        assertThat(forged.getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).isEmpty();
    }

    @Test
    void the_header_link_leads_a_member_admin_to_its_own_admins() throws Exception {
        String id = new Members(api).activeMember(Samples.application());

        MvcResult result = mvc.perform(get("/my-organization/admins").with(adminOf(id))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/admins");
        Document top = PageChecks.page(mvc.perform(get("/").with(adminOf(id))).andReturn());
        assertThat(top.select("nav.site-nav a[href=/my-organization/admins]")).hasSize(1);
    }
}
