package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

/**
 * An organization applies on the page, follows its application behind the private link and resubmits it when the
 * secretariat sends it back; the secretariat decides in its queue.
 */
class ApplicationPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static MockHttpServletRequestBuilder application(String name, String kana, String email) {
        return unagreed(name, kana, email).param("bylawsAgreed", "true");
    }

    private static MockHttpServletRequestBuilder unagreed(String name, String kana, String email) {
        return post("/apply").param("name", name).param("nameKana", kana).param("legalForm", "UNINCORPORATED_ASSOCIATION")
                             .param("bodyType", "PRIVATE_ORGANIZATION").param("requestedCategory", "COOPERATING")
                             .param("prefectureCodes", "27").param("fieldsOfActivity", "PLACE_TO_BELONG")
                             .param("consentToPublish", "true").param("contactName", "申込 太郎")
                             .param("contactEmail", email).with(csrf());
    }

    /** Applies and follows the redirect to the page that shows the private link once. */
    private String applyAndReadLink(String name, String kana, String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult applied = mvc.perform(application(name, kana, email).session(session)).andReturn();
        assertThat(applied.getResponse().getRedirectedUrl()).isEqualTo("/apply/received");
        MvcResult shown = mvc.perform(get("/apply/received").session(session).flashAttrs(applied.getFlashMap())).andReturn();
        Document page = PageChecks.page(shown);
        assertThat(page.select("h1").text()).isEqualTo("申込みを受け付けました");
        String link = page.select("#private-link").val();
        assertThat(link).matches("http://localhost(:\\d+)?/applications/[A-Za-z0-9_-]{43}");
        return link.replaceFirst("^http://localhost(:\\d+)?", "");
    }

    @Test
    void the_application_form_has_every_field_labelled_and_the_bylaws_box() throws Exception {
        Document page = PageChecks.page(mvc.perform(get("/apply")).andReturn());

        assertThat(page.select("h1").text()).isEqualTo("入会の申込み");
        assertThat(page.select("#field-bylawsAgreed")).hasSize(1);
        assertThat(page.select("form[action=/apply] input[name=_csrf]")).hasSize(1);
    }

    @Test
    void an_applicant_applies_and_sees_the_status_behind_the_private_link_shown_once() throws Exception {
        String tag = Samples.uniqueKana();
        String link = applyAndReadLink("みなと居場所の会" + tag, "ミナトイバショノカイ" + tag, "minato@example.org");
        awaitProjections();

        Document status = PageChecks.page(mvc.perform(get(link)).andReturn());

        assertThat(status.select("dl.facts").text()).contains("みなと居場所の会" + tag).contains("審査中");
        assertThat(mvc.perform(get("/apply/received")).andReturn().getResponse().getRedirectedUrl())
                .as("the link is not shown a second time").isEqualTo("/apply");
    }

    @Test
    void a_broken_rule_shows_the_form_again_with_the_input_and_each_error_at_its_field() throws Exception {
        MvcResult refused = mvc.perform(application("ことり食堂", "ことりしょくどう", "not-an-address")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-nameKana]")).hasSize(1);
        assertThat(page.select(".error-summary a[href=#field-contactEmail]")).hasSize(1);
        assertThat(page.select("#field-contactEmail").val()).isEqualTo("not-an-address");
        assertThat(page.select("#field-name").val()).isEqualTo("ことり食堂");
    }

    @Test
    void without_agreeing_to_the_bylaws_nothing_is_stored() throws Exception {
        long events = eventCount();

        MvcResult refused = mvc.perform(unagreed("ことり食堂", "コトリショクドウ", "kotori@example.org")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(refused).select(".error-summary a[href=#field-bylawsAgreed]")).hasSize(1);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_secretariat_sends_it_back_with_a_reason_and_the_applicant_resubmits_behind_the_link() throws Exception {
        String tag = Samples.uniqueKana();
        String link = applyAndReadLink("あおば子ども広場" + tag, "アオバコドモヒロバ" + tag, "aoba@example.org");
        awaitProjections();
        String id = queueRow("あおば子ども広場" + tag);
        var secretariat = oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
        Document record = PageChecks.page(mvc.perform(get("/secretariat/organizations/" + id).with(secretariat)).andReturn());
        String version = record.select("form[action$=/send-back] input[name=version]").val();

        MvcResult withoutReason = mvc.perform(post("/secretariat/organizations/" + id + "/send-back")
                                                      .param("version", version).param("comment", " ").with(secretariat).with(csrf()))
                                     .andReturn();
        assertThat(withoutReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(withoutReason).select(".error-summary a[href=#field-comment]")).hasSize(1);

        MvcResult sentBack = mvc.perform(post("/secretariat/organizations/" + id + "/send-back").param("version", version)
                                                 .param("comment", "活動地域を確認してください。").with(secretariat).with(csrf()))
                                .andReturn();
        assertThat(sentBack.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        awaitProjections();

        Document resubmission = PageChecks.page(mvc.perform(get(link)).andReturn());
        assertThat(resubmission.select("h1").text()).isEqualTo("申込み内容の修正");
        assertThat(resubmission.select(".notice").text()).contains("活動地域を確認してください。");
        assertThat(resubmission.select("#field-contactEmail").val()).isEqualTo("aoba@example.org");

        MockHttpServletRequestBuilder again = post(link).with(csrf());
        resubmission.select("form input[type=hidden]:not([name=_csrf]), form input[type=text], form textarea")
                    .forEach(e -> again.param(e.attr("name"), e.is("textarea") ? e.text() : e.val()));
        resubmission.select("form input[type=checkbox][checked]").forEach(e -> again.param(e.attr("name"), e.val()));
        resubmission.select("form select option[selected]").forEach(e -> again.param(e.parent().attr("name"), e.val()));
        again.param("prefectureCodes", "28");
        MvcResult resubmitted = mvc.perform(again).andReturn();

        assertThat(resubmitted.getResponse().getRedirectedUrl()).isEqualTo(link);
        awaitProjections();
        Api.Response stored = api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send();
        assertThat(stored.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(stored.json().get("profile").get("prefectureCodes").toString()).contains("27").contains("28");
    }

    @Test
    void the_secretariat_approves_from_the_queue_and_a_second_decision_on_the_old_page_is_refused() throws Exception {
        String tag = Samples.uniqueKana();
        applyAndReadLink("さくら相談室" + tag, "サクラソウダンシツ" + tag, "sakura-soudan@example.org");
        awaitProjections();
        String id = queueRow("さくら相談室" + tag);
        var secretariat = oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
        Document record = PageChecks.page(mvc.perform(get("/secretariat/organizations/" + id).with(secretariat)).andReturn());
        String version = record.select("form[action$=/approval] input[name=version]").val();

        MvcResult approved = mvc.perform(post("/secretariat/organizations/" + id + "/approval").param("version", version)
                                                 .param("joinedOn", "2024-04-01").with(secretariat).with(csrf())).andReturn();
        MvcResult again = mvc.perform(post("/secretariat/organizations/" + id + "/rejection").param("version", version)
                                              .param("reason", "重複").with(secretariat).with(csrf())).andReturn();

        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        // the application is no longer open: the rule answers before the version does, and nothing changes
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(PageChecks.page(again).select("h1").text()).isEqualTo("この操作は現在の状態ではできません");
        awaitProjections();
        assertThat(api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json().get("status")
                      .asText()).isEqualTo("ACTIVE");
    }

    @Test
    void the_secretariat_lists_members_by_name_and_downloads_the_same_list_as_csv() throws Exception {
        String tag = Samples.uniqueKana();
        String id = new jp.kodoku.platform.gateway.support.Members(api)
                .activeMember(Samples.application("ゆうやけ食堂" + tag, "ユウヤケショクドウ" + tag));
        awaitProjections();
        var secretariat = oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));

        Document list = PageChecks.page(mvc.perform(get("/secretariat/members").param("q", "ユウヤケショクドウ" + tag)
                                                           .with(secretariat)).andReturn());
        MvcResult csv = mvc.perform(get(java.net.URI.create(list.select("a[href^=/secretariat/members.csv]").attr("href"))).with(secretariat))
                           .andReturn();

        assertThat(list.select("table tbody tr")).hasSize(1);
        assertThat(list.select("table tbody a").attr("href")).isEqualTo("/secretariat/organizations/" + id);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("ゆうやけ食堂" + tag).contains(id);
    }

    @Test
    void a_member_admin_may_not_open_the_secretariats_queue() throws Exception {
        MvcResult refused = mvc.perform(get("/secretariat/applications")
                                                .with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))))
                               .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_link_that_is_no_application_is_the_404_page() throws Exception {
        MvcResult result = mvc.perform(get("/applications/not-a-real-token")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(PageChecks.page(result).select("h1").text()).isEqualTo("ページが見つかりません");
    }

    /** The organization's id, from its row in the secretariat's queue of open applications. */
    private String queueRow(String name) throws Exception {
        String cursorUrl = "/secretariat/applications?status=APPLIED";
        var secretariat = oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
        while (cursorUrl != null) {
            Document queue = PageChecks.page(mvc.perform(get(cursorUrl).with(secretariat)).andReturn());
            var row = queue.select("table a:containsOwn(" + name + ")");
            if (!row.isEmpty()) {
                return row.attr("href").substring("/secretariat/organizations/".length());
            }
            var next = queue.select("nav.pager a[rel=next]");
            cursorUrl = next.isEmpty() ? null : next.attr("href");
        }
        throw new AssertionError(name + " is not in the queue");
    }
}
