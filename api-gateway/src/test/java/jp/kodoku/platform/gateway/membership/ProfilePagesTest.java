package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A member admin edits its organization's profile on a page, with the API's rules and its optimistic locking. */
class ProfilePagesTest extends ApiTest {

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

    /** The edit form as the page shows it, sent back with one field changed. */
    private static MockHttpServletRequestBuilder sendBack(String id, Document form, String field, String value) {
        MockHttpServletRequestBuilder post = post("/organizations/" + id + "/profile");
        form.select("form[action$=/profile] input[type=hidden], form[action$=/profile] input[type=text], form[action$=/profile] textarea")
            .forEach(e -> post.param(e.attr("name"), e.attr("name").equals(field) ? value : e.is("textarea") ? e.text() : e.val()));
        form.select("form[action$=/profile] input[type=checkbox][checked]").forEach(e -> post.param(e.attr("name"), e.val()));
        form.select("form[action$=/profile] select option[selected]").forEach(e -> post.param(e.parent().attr("name"), e.val()));
        return post;
    }

    @Test
    void a_member_admin_changes_the_website_and_the_directory_shows_it() throws Exception {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections(); // the form shows the read model's version, as a person would see it a moment later
        Document form = PageChecks.page(mvc.perform(get("/organizations/" + id + "/profile").with(adminOf(id))).andReturn());
        assertThat(form.select("input[name=version]").val()).isNotEmpty();

        MvcResult saved = mvc.perform(sendBack(id, form, "website", "https://hidamari.example.jp").with(adminOf(id)).with(csrf()))
                             .andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/profile");
        assertThat(saved.getFlashMap().get("flash")).asString().contains("保存しました");
        awaitProjections();
        assertThat(api.get("/api/v1/directory/" + id).send().json().get("website").asText())
                .isEqualTo("https://hidamari.example.jp");
    }

    @Test
    void a_rule_broken_on_the_page_shows_the_form_again_with_the_input_and_the_error_at_its_field() throws Exception {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections(); // the form shows the read model's version, as a person would see it a moment later
        Document form = PageChecks.page(mvc.perform(get("/organizations/" + id + "/profile").with(adminOf(id))).andReturn());

        MvcResult refused = mvc.perform(sendBack(id, form, "nameKana", "ひらがなのフリガナ").with(adminOf(id)).with(csrf()))
                               .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-nameKana]")).hasSize(1);
        assertThat(page.select("#field-nameKana").val()).isEqualTo("ひらがなのフリガナ");
        assertThat(page.select("#field-nameKana").attr("aria-describedby")).isEqualTo("error-nameKana");
    }

    @Test
    void an_edit_made_meanwhile_by_someone_else_is_kept_and_sending_again_applies_only_ones_own_change()
            throws Exception {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections(); // the form shows the read model's version, as a person would see it a moment later
        Document form = PageChecks.page(mvc.perform(get("/organizations/" + id + "/profile").with(adminOf(id))).andReturn());
        String version = form.select("input[name=version]").val();
        Api.Response meanwhile = api.patch("/api/v1/organizations/" + id + "/profile").token(TestTokens.secretariat())
                                    .header("If-Match", "\"" + version + "\"")
                                    .body(Map.of("publicDescription", "事務局が更新した紹介文です。")).send();
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
        awaitProjections();

        MvcResult stale = mvc.perform(sendBack(id, form, "website", "https://mine.example.jp").with(adminOf(id)).with(csrf()))
                             .andReturn();

        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        Document page = PageChecks.page(stale);
        assertThat(page.select("#stale-title").text()).isEqualTo("この情報は他の方が更新しました");
        assertThat(page.select("section[aria-labelledby=stale-title] strong").text()).isEqualTo("団体の紹介");
        assertThat(page.select("table.changes tbody tr")).hasSize(1);
        assertThat(page.select("table.changes tbody").text()).contains("ウェブサイト").contains("https://mine.example.jp");
        assertThat(page.select("#field-website").val()).isEqualTo("https://mine.example.jp");
        assertThat(page.select("#field-publicDescription").text()).isEqualTo("事務局が更新した紹介文です。");
        assertThat(Long.parseLong(page.select("input[name=version]").val())).isGreaterThan(Long.parseLong(version));

        MvcResult reapplied = mvc.perform(sendBack(id, page, "website", "https://mine.example.jp").with(adminOf(id)).with(csrf()))
                                 .andReturn();

        assertThat(reapplied.getResponse().getStatus()).isEqualTo(302);
        awaitProjections();
        var stored = api.get("/api/v1/directory/" + id).send().json();
        assertThat(stored.get("website").asText()).isEqualTo("https://mine.example.jp");
        assertThat(stored.get("publicDescription").asText()).isEqualTo("事務局が更新した紹介文です。");
    }

    @Test
    void a_member_admin_cannot_open_another_organizations_edit_page() throws Exception {
        String mine = new Members(api).activeMember(Samples.application());
        String theirs = new Members(api).activeMember(Samples.application());

        MvcResult refused = mvc.perform(get("/organizations/" + theirs + "/profile").with(adminOf(mine))).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_member_admin_cannot_post_to_another_organizations_edit_page_either() throws Exception {
        String mine = new Members(api).activeMember(Samples.application());
        String theirs = new Members(api).activeMember(Samples.application());
        long events = eventCount();

        MvcResult refused = mvc.perform(post("/organizations/" + theirs + "/profile").param("version", "1")
                                               .param("website", "https://evil.example.jp").with(adminOf(mine)).with(csrf()))
                               .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_header_link_leads_a_member_admin_to_its_own_organization() throws Exception {
        String id = new Members(api).activeMember(Samples.application());

        MvcResult result = mvc.perform(get("/my-organization").with(adminOf(id))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/profile");
        Document top = PageChecks.page(mvc.perform(get("/").with(adminOf(id))).andReturn());
        assertThat(top.select("nav.site-nav a[href=/my-organization]")).hasSize(1);
    }
}
