package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.gateway.clients.api.ApiScopes;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The secretariat registers third-party apps on pages, against the real Keycloak: the secret is shown once on the
 * answer to the registration (or rotation), with a copy button, and on no other page; rotating and revoking ask first.
 */
class ApiClientPagesTest extends ApiTest {

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

    private Document open(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(secretariat())).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return PageChecks.page(result);
    }

    private record Shown(String clientId, String secret, MvcResult result) {
    }

    private Shown register(String name) throws Exception {
        MvcResult result = mvc.perform(post("/secretariat/api-clients").param("name", name)
                                                                       .param("scopes", ApiScopes.DIRECTORY_READ)
                                                                       .param("allowedOrigins", "https://mimamori.example.jp\n")
                                                                       .param("ratePerMinute", "")
                                                                       .with(secretariat()).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = PageChecks.page(result);
        return new Shown(page.select("dl.facts code").first().text(), page.select("#client-secret").val(), result);
    }

    @Test
    void a_registered_app_gets_its_secret_once_with_a_copy_button_and_the_secret_works() throws Exception {
        Shown registered = register("見守りアプリ");

        Document page = PageChecks.page(registered.result());
        assertThat(page.select("h1").text()).isEqualTo("アプリを登録しました");
        assertThat(registered.secret()).isNotBlank();
        assertThat(page.select("button[data-copy-target=client-secret]")).hasSize(1);
        assertThat(registered.result().getResponse().getHeader("Cache-Control")).contains("no-store");
        String token = TestTokens.KEYCLOAK.clientToken(registered.clientId(), registered.secret());
        assertThat(api.get("/api/v1/directory").token(token).send().status()).isEqualTo(200);

        awaitProjections();
        assertThat(open("/secretariat/api-clients").select("table.api-clients").text())
                .contains("見守りアプリ").contains(registered.clientId()).doesNotContain(registered.secret());
        Document detail = open("/secretariat/api-clients/" + registered.clientId());
        assertThat(detail.select("dl.facts").text()).contains("https://mimamori.example.jp").contains("有効");
        assertThat(detail.html()).doesNotContain(registered.secret());
    }

    @Test
    void a_registration_without_a_name_or_a_scope_shows_the_form_again_in_japanese_and_registers_nothing()
            throws Exception {
        long events = eventCount();

        MvcResult refused = mvc.perform(post("/secretariat/api-clients").param("name", "")
                                                                        .param("allowedOrigins", "ftp://example.jp")
                                                                        .with(secretariat()).with(csrf())).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a[href=#field-name]").text()).isEqualTo("「名前」は必須です。");
        assertThat(page.select(".error-summary a[href=#field-scopes]").text()).isEqualTo("「権限（スコープ）」を1つ以上選んでください。");
        assertThat(page.select(".error-summary a[href=#field-allowedOrigins]").text()).startsWith("「許可するオリジン」は https://app.example.jp");
        assertThat(page.select("#field-allowedOrigins").val()).isEqualTo("ftp://example.jp");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void rotating_asks_first_then_shows_the_new_secret_once_and_the_old_one_stops_working() throws Exception {
        Shown registered = register("居場所マップ");
        awaitProjections();

        Document question = open("/secretariat/api-clients/" + registered.clientId() + "/rotation");
        assertThat(question.select("main p").text()).contains("今のシークレットはすぐに使えなくなり");
        MvcResult rotated = mvc.perform(post(question.select("main form").attr("action"))
                .param("version", question.select("input[name=version]").val())
                .with(secretariat()).with(csrf())).andReturn();

        assertThat(rotated.getResponse().getStatus()).isEqualTo(200);
        String secret = PageChecks.page(rotated).select("#client-secret").val();
        assertThat(secret).isNotBlank().isNotEqualTo(registered.secret());
        assertThatThrownBy(() -> TestTokens.KEYCLOAK.clientToken(registered.clientId(), registered.secret()))
                .hasMessageContaining("Keycloak refused");
        assertThat(TestTokens.KEYCLOAK.clientToken(registered.clientId(), secret)).isNotBlank();
    }

    @Test
    void revoking_asks_first_and_then_the_app_is_shown_revoked() throws Exception {
        Shown registered = register("古いアプリ");
        awaitProjections();

        Document question = open("/secretariat/api-clients/" + registered.clientId() + "/revocation");
        MvcResult revoked = mvc.perform(post(question.select("main form").attr("action"))
                .param("version", question.select("input[name=version]").val())
                .with(secretariat()).with(csrf())).andReturn();

        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/api-clients/" + registered.clientId());
        awaitProjections();
        assertThat(api.get("/api/v1/api-clients/" + registered.clientId()).token(TestTokens.secretariat()).send()
                      .json().get("status").asText()).isEqualTo("REVOKED");
        Document detail = open("/secretariat/api-clients/" + registered.clientId());
        assertThat(detail.select("dl.facts").text()).contains("無効");
        assertThat(detail.select("a[href$=/rotation]")).isEmpty();
    }

    @Test
    void the_form_offers_every_scope_the_api_knows() {
        assertThat(ApiClientPages.SCOPES.stream().map(Option::value)).containsExactlyInAnyOrderElementsOf(ApiScopes.ALL);
    }
}
