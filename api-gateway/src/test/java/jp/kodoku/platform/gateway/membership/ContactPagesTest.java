package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A member admin keeps its organization's contact persons on pages, with the API's rules and its optimistic locking;
 * contacts are personal data, seen only by the organization's own admins and the secretariat.
 */
class ContactPagesTest extends ApiTest {

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

    private static OidcLoginRequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }

    /** A form as the page shows it, sent back with some fields changed. */
    private static MockHttpServletRequestBuilder sendBack(Document page, Map<String, String> changed) {
        var form = page.select("main form[method=post]").first();
        MockHttpServletRequestBuilder post = post(form.attr("action"));
        form.select("input[type=hidden]:not([name=_csrf]), input[type=text]")
            .forEach(e -> post.param(e.attr("name"), changed.getOrDefault(e.attr("name"), e.val())));
        return post;
    }

    private String newActiveMember() {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections(); // the forms show the read model's version, as a person would see it a moment later
        return id;
    }

    private JsonNode contactsInApi(String id) {
        awaitProjections();
        return api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json().get("contacts");
    }

    private static List<String> names(JsonNode contacts) {
        List<String> names = new ArrayList<>();
        contacts.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private Document open(String path, OidcLoginRequestPostProcessor as) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return PageChecks.page(result);
    }

    private String addContact(String id, String name, String email) throws Exception {
        Document form = open("/organizations/" + id + "/contacts/new", adminOf(id));
        MvcResult added = mvc.perform(sendBack(form, Map.of("name", name, "email", email, "phone", "03-1234-5678",
                "department", "地域連携課")).with(adminOf(id)).with(csrf())).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        for (JsonNode c : contactsInApi(id)) {
            if (c.get("name").asText().equals(name)) {
                return c.get("contactId").asText();
            }
        }
        throw new AssertionError("the contact " + name + " was not added");
    }

    @Test
    void a_member_admin_sees_its_contacts_and_the_primary_one_cannot_be_removed() throws Exception {
        Map<String, Object> application = Samples.application();
        String id = new Members(api).activeMember(application);
        awaitProjections();

        Document page = open("/organizations/" + id + "/contacts", adminOf(id));

        String primary = (String) Samples.contactOf(application).get("name");
        assertThat(page.select("table.contacts tbody tr")).hasSize(1);
        assertThat(page.select("table.contacts tbody tr th").text()).isEqualTo(primary + "（主担当）");
        assertThat(page.select("table.contacts tbody").text()).contains((String) Samples.contactOf(application).get("email"));
        assertThat(page.select("table.contacts a[href$=/removal]")).isEmpty();
        assertThat(page.select("a[href=/organizations/" + id + "/contacts/new]")).hasSize(1);
    }

    @Test
    void a_member_admin_adds_a_contact_and_it_is_listed() throws Exception {
        String id = newActiveMember();

        MvcResult added = mvc.perform(sendBack(open("/organizations/" + id + "/contacts/new", adminOf(id)),
                Map.of("name", "連絡 次郎", "email", "jiro@ibasho.example.jp")).with(adminOf(id)).with(csrf())).andReturn();

        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        assertThat(added.getFlashMap().get("flash")).asString().contains("追加しました");
        assertThat(names(contactsInApi(id))).contains("連絡 次郎");
        assertThat(open("/organizations/" + id + "/contacts", adminOf(id)).select("table.contacts").text())
                .contains("連絡 次郎").contains("jiro@ibasho.example.jp");
    }

    @Test
    void a_contact_with_a_broken_email_shows_the_form_again_with_the_input_and_the_error_at_its_field() throws Exception {
        String id = newActiveMember();
        long events = eventCount();

        MvcResult refused = mvc.perform(sendBack(open("/organizations/" + id + "/contacts/new", adminOf(id)),
                Map.of("name", "連絡 次郎", "email", "メールではない")).with(adminOf(id)).with(csrf())).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-email]")).hasSize(1);
        assertThat(page.select("#field-email").val()).isEqualTo("メールではない");
        assertThat(page.select("#field-name").val()).isEqualTo("連絡 次郎");
        assertThat(page.select("#field-email").attr("aria-describedby")).isEqualTo("error-email");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_member_admin_changes_a_contacts_details() throws Exception {
        String id = newActiveMember();
        String contactId = addContact(id, "連絡 次郎", "jiro@ibasho.example.jp");

        Document form = open("/organizations/" + id + "/contacts/" + contactId, adminOf(id));
        assertThat(form.select("#field-email").val()).isEqualTo("jiro@ibasho.example.jp");
        MvcResult saved = mvc.perform(sendBack(form, Map.of("department", "総務課")).with(adminOf(id)).with(csrf()))
                             .andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        JsonNode changed = null;
        for (JsonNode c : contactsInApi(id)) {
            if (c.get("contactId").asText().equals(contactId)) {
                changed = c;
            }
        }
        assertThat(changed).isNotNull();
        assertThat(changed.get("department").asText()).isEqualTo("総務課");
        assertThat(changed.get("email").asText()).isEqualTo("jiro@ibasho.example.jp");
    }

    @Test
    void a_contact_changed_meanwhile_by_someone_else_is_not_overwritten_and_the_stale_page_says_so() throws Exception {
        String id = newActiveMember();
        String contactId = addContact(id, "連絡 次郎", "jiro@ibasho.example.jp");
        Document form = open("/organizations/" + id + "/contacts/" + contactId, adminOf(id));
        Api.Response meanwhile = api.put("/api/v1/organizations/" + id + "/contacts/" + contactId)
                                    .token(TestTokens.secretariat())
                                    .header("If-Match", "\"" + form.select("input[name=version]").val() + "\"")
                                    .body(Map.of("name", "連絡 次郎", "email", "jiro@ibasho.example.jp",
                                            "department", "事務局が直した部署")).send();
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        MvcResult stale = mvc.perform(sendBack(form, Map.of("department", "総務課")).with(adminOf(id)).with(csrf()))
                             .andReturn();

        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        assertThat(PageChecks.page(stale).select("h1").text()).isEqualTo("この情報は他の方が更新しました");
        for (JsonNode c : contactsInApi(id)) {
            if (c.get("contactId").asText().equals(contactId)) {
                assertThat(c.get("department").asText()).isEqualTo("事務局が直した部署");
            }
        }
    }

    @Test
    void removing_a_contact_asks_first_and_then_removes_it() throws Exception {
        String id = newActiveMember();
        String contactId = addContact(id, "連絡 次郎", "jiro@ibasho.example.jp");
        awaitProjections();
        Document list = open("/organizations/" + id + "/contacts", adminOf(id));
        String removal = "/organizations/" + id + "/contacts/" + contactId + "/removal";
        assertThat(list.select("a[href=" + removal + "]")).hasSize(1);

        Document confirmation = open(removal, adminOf(id));
        assertThat(confirmation.select("h1").text()).isEqualTo("担当者の削除");
        assertThat(confirmation.select("main").text()).contains("連絡 次郎").contains("元に戻せません");
        assertThat(names(contactsInApi(id))).as("nothing removed before confirming").contains("連絡 次郎");
        MvcResult removed = mvc.perform(sendBack(confirmation, Map.of()).with(adminOf(id)).with(csrf())).andReturn();

        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        assertThat(names(contactsInApi(id))).doesNotContain("連絡 次郎");
    }

    @Test
    void the_secretariat_keeps_any_organizations_contacts() throws Exception {
        String id = newActiveMember();

        MvcResult added = mvc.perform(sendBack(open("/organizations/" + id + "/contacts/new", secretariat()),
                Map.of("name", "事務局 登録", "email", "toroku@ibasho.example.jp")).with(secretariat()).with(csrf()))
                             .andReturn();

        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        assertThat(names(contactsInApi(id))).contains("事務局 登録");
    }

    @Test
    void another_organizations_admin_sees_no_contact_and_changes_none() throws Exception {
        String id = newActiveMember();
        String other = newActiveMember();
        long events = eventCount();

        MvcResult list = mvc.perform(get("/organizations/" + id + "/contacts").with(adminOf(other))).andReturn();
        MvcResult add = mvc.perform(post("/organizations/" + id + "/contacts").param("name", "侵入 者")
                                            .param("email", "evil@example.jp").with(adminOf(other)).with(csrf())).andReturn();

        assertThat(list.getResponse().getStatus()).isEqualTo(403);
        assertThat(list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("担当 花子");
        assertThat(add.getResponse().getStatus()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_contact_form_posted_without_its_csrf_token_is_refused_and_nothing_is_stored() throws Exception {
        String id = newActiveMember();
        long events = eventCount();

        int status = mvc.perform(post("/organizations/" + id + "/contacts").param("name", "偽造 太郎")
                                         .param("email", "forged@example.jp").with(adminOf(id)))
                        .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_header_link_leads_a_member_admin_to_its_own_contacts() throws Exception {
        String id = newActiveMember();

        MvcResult result = mvc.perform(get("/my-organization/contacts").with(adminOf(id))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id + "/contacts");
        Document top = PageChecks.page(mvc.perform(get("/").with(adminOf(id))).andReturn());
        assertThat(top.select("nav.site-nav a[href=/my-organization/contacts]")).hasSize(1);
    }
}
