package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The secretariat's decisions about a member on pages: each asks for confirmation before anything is recorded, asks
 * for the reasons the API requires, and sends the API's commands under the same rules and optimistic locking.
 */
class MembershipActionPagesTest extends ApiTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static OidcLoginRequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }

    private String newActiveMember() {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections(); // the forms carry the read model's version, as a person would see it a moment later
        return id;
    }

    private JsonNode inApi(String id) {
        awaitProjections();
        return api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json();
    }

    private Document open(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(secretariat())).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return PageChecks.page(result);
    }

    /** A form of the page (the first, or the one whose button says {@code button}) sent with some fields filled. */
    private MvcResult submit(Document page, String button, Map<String, String> filled) throws Exception {
        Element form = page.select("main form[method=post]").stream()
                           .filter(f -> button == null || f.select("button").text().equals(button))
                           .findFirst().orElseThrow(() -> new AssertionError("no form with " + button));
        MockHttpServletRequestBuilder post = post(form.attr("action"));
        form.select("input[type=hidden]:not([name=_csrf]), input[type=date], select, textarea").forEach(e -> {
            String name = e.attr("name");
            String value = filled.containsKey(name) ? filled.get(name)
                    : e.tagName().equals("select") ? e.select("option[selected]").val() : e.val();
            post.param(name, value);
        });
        return mvc.perform(post.with(secretariat()).with(csrf())).andReturn();
    }

    /** Fills the action's form, checks the confirmation page and confirms; returns the final answer. */
    private MvcResult confirm(String path, Map<String, String> filled) throws Exception {
        MvcResult confirmation = submit(open(path), null, filled);
        assertThat(confirmation.getResponse().getStatus()).as("the confirmation page").isEqualTo(200);
        return submit(PageChecks.page(confirmation), "確定する", Map.of());
    }

    @Test
    void a_category_change_is_confirmed_first_and_then_recorded_with_its_reason() throws Exception {
        String id = newActiveMember();
        long events = eventCount();

        MvcResult confirmation = submit(open("/secretariat/organizations/" + id + "/category-change"), null,
                Map.of("category", "COOPERATING", "effectiveDate", TODAY, "reason", "総会の議決による"));

        Document page = PageChecks.page(confirmation);
        assertThat(page.select("h1").text()).isEqualTo("会員区分の変更");
        assertThat(page.select("dl.facts").text()).contains("協力会員").contains("令和").contains("総会の議決による");
        assertThat(eventCount()).as("nothing is recorded before the confirmation").isEqualTo(events);

        MvcResult done = submit(page, "確定する", Map.of());

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        assertThat(done.getFlashMap().get("flash")).asString().contains("会員区分を変更しました");
        assertThat(inApi(id).get("category").asText()).isEqualTo("COOPERATING");
    }

    @Test
    void a_suspension_without_a_reason_shows_the_form_again_with_the_error_at_the_reason() throws Exception {
        String id = newActiveMember();
        long events = eventCount();

        MvcResult refused = submit(open("/secretariat/organizations/" + id + "/suspension"), null, Map.of("reason", " "));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-reason]").text()).isEqualTo("理由を入力してください");
        assertThat(page.select("#field-reason").attr("aria-describedby")).isEqualTo("error-reason");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_suspended_member_is_reinstated_and_later_withdraws() throws Exception {
        String id = newActiveMember();

        assertThat(confirm("/secretariat/organizations/" + id + "/suspension", Map.of("reason", "会費の長期未納"))
                .getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        assertThat(inApi(id).get("status").asText()).isEqualTo("SUSPENDED");

        confirm("/secretariat/organizations/" + id + "/reinstatement", Map.of("reason", "会費の納付を確認"));
        assertThat(inApi(id).get("status").asText()).isEqualTo("ACTIVE");

        confirm("/secretariat/organizations/" + id + "/withdrawal",
                Map.of("kind", "REQUESTED_BY_MEMBER", "effectiveDate", TODAY, "reason", "退会届の受理"));
        assertThat(inApi(id).get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_regular_member_serves_a_steering_term_which_then_ends() throws Exception {
        String id = newActiveMember();

        confirm("/secretariat/organizations/" + id + "/steering-term", Map.of("termStart", TODAY));
        assertThat(inApi(id).get("steeringMember").asBoolean()).isTrue();
        Document record = open("/secretariat/organizations/" + id);
        assertThat(record.select("dl.facts").text()).contains("幹事団体の任期");
        assertThat(record.select("a[href$=/steering-term-end]")).hasSize(1);

        confirm("/secretariat/organizations/" + id + "/steering-term-end", Map.of("endedOn", TODAY));
        assertThat(inApi(id).get("steeringMember").asBoolean()).isFalse();
    }

    @Test
    void a_steering_term_for_a_supporting_member_is_refused_with_the_rule_in_japanese() throws Exception {
        String id = newActiveMember();
        confirm("/secretariat/organizations/" + id + "/category-change",
                Map.of("category", "SUPPORTING", "effectiveDate", TODAY, "reason", "本人の希望"));
        awaitProjections();
        long events = eventCount();

        MvcResult refused = confirm("/secretariat/organizations/" + id + "/steering-term", Map.of("termStart", TODAY));

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(PageChecks.page(refused).select("main").text()).contains("幹事団体は会員（正会員）から選ばれます");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_contacts_personal_data_is_erased_after_confirming() throws Exception {
        String id = newActiveMember();
        String contactId = inApi(id).get("contacts").get(0).get("contactId").asText();
        Document record = open("/secretariat/organizations/" + id);
        assertThat(record.select("a[href=/secretariat/organizations/" + id + "/contacts/" + contactId + "/erasure]"))
                .hasSize(1);

        MvcResult done = confirm("/secretariat/organizations/" + id + "/contacts/" + contactId + "/erasure",
                Map.of("reason", "本人からの消去の求め（個人情報保護法）"));

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        JsonNode contact = inApi(id).get("contacts").get(0);
        assertThat(contact.get("erased").asBoolean()).isTrue();
        assertThat(open("/secretariat/organizations/" + id).select("table").text()).contains("（削除済み）");
    }

    @Test
    void a_decision_taken_on_a_page_read_before_someone_elses_change_shows_the_stale_message_and_keeps_the_input()
            throws Exception {
        String id = newActiveMember();
        MvcResult confirmation = submit(open("/secretariat/organizations/" + id + "/suspension"), null,
                Map.of("reason", "会費の長期未納"));
        Document page = PageChecks.page(confirmation);
        Api.Response meanwhile = api.post("/api/v1/organizations/" + id + "/category-change")
                                    .token(TestTokens.secretariat())
                                    .header("If-Match", "\"" + page.select("input[name=version]").first().val() + "\"")
                                    .body(Map.of("category", "COOPERATING", "reason", "総会の議決", "effectiveDate", TODAY))
                                    .send();
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        MvcResult stale = submit(page, "確定する", Map.of());

        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        Document again = PageChecks.page(stale);
        assertThat(again.select(".error-summary h2").text()).isEqualTo("この情報は他の方が更新しました");
        assertThat(again.select("#field-reason").val()).isEqualTo("会費の長期未納");
        assertThat(inApi(id).get("status").asText()).isEqualTo("ACTIVE");

        MvcResult reapplied = confirm(again);
        assertThat(reapplied.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/organizations/" + id);
        assertThat(inApi(id).get("status").asText()).isEqualTo("SUSPENDED");
    }

    /** The form shown again (after a stale version), sent as it is and confirmed. */
    private MvcResult confirm(Document form) throws Exception {
        MvcResult confirmation = submit(form, "確認へ進む", Map.of());
        assertThat(confirmation.getResponse().getStatus()).isEqualTo(200);
        return submit(PageChecks.page(confirmation), "確定する", Map.of());
    }
}
