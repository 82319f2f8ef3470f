package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The web layer every module's pages stand on: its security, its headers, its error pages, its one date format. */
class PageLayerTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void every_page_forbids_inline_scripts_and_framing() throws Exception {
        MvcResult top = mvc.perform(get("/")).andReturn();

        String csp = top.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                       .doesNotContain("unsafe-eval");
        assertThat(top.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(top.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void a_page_that_needs_sign_in_sends_an_anonymous_visitor_to_keycloak_through_the_platform() throws Exception {
        MvcResult result = mvc.perform(get("/secretariat/applications")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void an_unknown_page_asked_by_an_anonymous_visitor_leads_to_sign_in_as_any_page_that_is_not_declared_public()
            throws Exception {
        MvcResult page = mvc.perform(get("/no-such-page").accept("text/html")).andReturn();

        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void signing_in_asks_keycloak_for_a_code_with_pkce() throws Exception {
        MvcResult result = mvc.perform(get("/oauth2/authorization/keycloak")).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(jp.kodoku.platform.gateway.support.TestTokens.issuer() + "/protocol/openid-connect/auth")
                            .contains("client_id=platform-web").contains("response_type=code")
                            .contains("code_challenge_method=S256").contains("code_challenge=");
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_with_the_japanese_403_page() throws Exception {
        MvcResult refused = mvc.perform(post("/sign-out").with(oidcLogin()).accept("text/html")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getForwardedUrl() == null ? "" : refused.getResponse().getForwardedUrl())
                .doesNotContain("/api");
    }

    @Test
    void signing_out_with_the_token_ends_the_keycloak_session_too() throws Exception {
        MvcResult out = mvc.perform(post("/sign-out").with(csrf()).with(oidcLogin().clientRegistration(
                registrations.findByRegistrationId(SignIn.REGISTRATION)))).andReturn();

        assertThat(out.getResponse().getStatus()).isEqualTo(302);
        assertThat(out.getResponse().getRedirectedUrl()).contains("/protocol/openid-connect/logout")
                                                        .contains("post_logout_redirect_uri=");
    }

    @Test
    void an_unknown_page_is_the_japanese_404_page_and_an_unknown_api_path_stays_a_problem() throws Exception {
        MvcResult page = mvc.perform(get("/no-such-page").with(oidcLogin()).accept("text/html")).andReturn();
        MvcResult api = mvc.perform(get("/api/v1/no-such-thing")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getResponse().getContentType()).isNull(); // the container's error page follows (not in MockMvc)
        assertThat(api.getResponse().getStatus()).as("the API's own answer: no token").isEqualTo(401);
        assertThat(api.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(api.getResponse().getHeader("Content-Security-Policy")).isNull();
    }

    @Test
    void a_visitor_reading_public_pages_gets_no_session() throws Exception {
        for (String path : new String[]{"/", "/directory?q=ネットワーク", "/statistics"}) {
            MvcResult page = mvc.perform(get(path)).andReturn();

            assertThat(page.getResponse().getStatus()).isEqualTo(200);
            assertThat(page.getRequest().getSession(false)).as(path).isNull();
        }
    }

    @Test
    void the_api_keeps_no_session_and_needs_no_csrf_token() throws Exception {
        MvcResult api = mvc.perform(post("/api/v1/applications").contentType("application/json").content("{}")).andReturn();

        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void the_design_tokens_and_htmx_are_served_from_the_platform_itself() throws Exception {
        assertThat(mvc.perform(get("/css/vendor/digital-go-jp-design-tokens/tokens.css")).andReturn().getResponse()
                      .getContentAsString()).contains("--color-primitive-blue-900");
        assertThat(mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/js/platform.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void dates_are_shown_in_the_japanese_era_beside_the_gregorian_date() {
        JapaneseDates dates = new JapaneseDates();

        assertThat(dates.date(LocalDate.of(2022, 12, 1))).isEqualTo("令和4年12月1日 (2022-12-01)");
        assertThat(dates.date(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日 (2019-05-01)");
        assertThat(dates.date(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日 (2019-04-30)");
    }

    @Test
    void a_fiscal_year_is_named_in_the_era_as_the_government_names_it() {
        JapaneseDates dates = new JapaneseDates();

        assertThat(dates.fiscalYear(2022)).isEqualTo("令和4年度");
        assertThat(dates.fiscalYear(2019)).isEqualTo("令和元年度");
        assertThat(dates.fiscalYear(2018)).isEqualTo("平成30年度");
    }

    @Test
    void the_header_greets_a_signed_in_person_and_offers_sign_out_as_a_form_with_its_token() throws Exception {
        Document page = PageChecks.page(mvc.perform(get("/").with(oidcLogin().idToken(t -> t.claim("name", "山田 花子"))))
                                           .andReturn());

        assertThat(page.select(".account__name").text()).contains("山田 花子");
        assertThat(page.select("form[action=/sign-out] input[name=_csrf]")).hasSize(1);
    }
}
