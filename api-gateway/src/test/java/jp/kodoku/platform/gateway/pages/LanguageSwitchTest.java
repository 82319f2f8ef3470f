package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.Cookie;
import jp.kodoku.platform.gateway.support.ApiTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The English switch (issue 10, ADR 0047): Japanese unless the visitor chose English, the choice remembered in a
 * cookie, the pages' texts, choices and dates in the chosen language, and a visitor's page view still without a
 * session.
 */
class LanguageSwitchTest extends ApiTest {

    private static final Cookie ENGLISH = new Cookie(PageLanguage.COOKIE, "en");

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void the_switch_remembers_english_in_a_cookie_and_goes_back_to_the_same_page() throws Exception {
        MvcResult result = mvc.perform(get("/language/en").param("back", "/directory?q=%E3%81%93%E3%81%A9%E3%82%82"))
                              .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/directory?q=%E3%81%93%E3%81%A9%E3%82%82");
        String cookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith("lang=en;").contains("Path=/").contains("HttpOnly").contains("SameSite=Lax")
                          .contains("Max-Age=31536000");
    }

    @Test
    void the_switch_never_leads_to_another_site() throws Exception {
        for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "evil",
                "/directory?q=こども", "/\r\nSet-Cookie:x=y"}) {
            MvcResult result = mvc.perform(get("/language/ja").param("back", elsewhere)).andReturn();

            assertThat(result.getResponse().getHeader("Location")).as(elsewhere).isEqualTo("/");
        }
    }

    @Test
    void a_language_the_pages_do_not_have_is_not_found() throws Exception {
        MvcResult result = mvc.perform(get("/language/fr")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void without_a_choice_the_pages_are_japanese_and_offer_english() throws Exception {
        Document page = PageChecks.page(mvc.perform(get("/directory?q=x")).andReturn());

        assertThat(page.select("h1").text()).isEqualTo("会員を探す");
        assertThat(page.select("a.language-switch").text()).isEqualTo("English");
        assertThat(page.select("a.language-switch").attr("href")).isEqualTo("/language/en?back=/directory?q%3Dx");
        assertThat(page.select("fieldset#field-category legend").text()).isEqualTo("会員区分");
        assertThat(page.select("label[for=category-0]").text()).isEqualTo("会員");
    }

    @Test
    void with_english_chosen_the_directory_its_filters_and_its_results_are_in_english() throws Exception {
        Document page = PageChecks.page(mvc.perform(get("/directory").cookie(ENGLISH)).andReturn(), "en");

        assertThat(page.select("h1").text()).isEqualTo("Find members");
        assertThat(page.title()).isEqualTo("Find members｜Public-Private Partnership Platform on Loneliness and Isolation");
        assertThat(page.select("a.language-switch").text()).isEqualTo("日本語");
        assertThat(page.select("fieldset#field-category legend").text()).isEqualTo("Membership category");
        assertThat(page.select("label[for=category-0]").text()).isEqualTo("Regular member");
        assertThat(page.select("#field-prefecture option[value=13]").text()).isEqualTo("Tokyo");
        assertThat(page.select("nav.site-nav a[href=/directory]").text()).isEqualTo("Find members");
        assertThat(page.select(".skip-link").text()).isEqualTo("Skip to main content");
        assertThat(page.select("#results .result-list li").text()).doesNotContain("NPO等支援団体");
    }

    @Test
    void the_filters_keep_each_visitors_choice_and_language_though_they_are_rendered_once() throws Exception {
        Document chosen = PageChecks.page(mvc.perform(get("/directory").param("category", "COOPERATING")
                                                                      .param("prefecture", "27")).andReturn());
        Document english = PageChecks.page(mvc.perform(get("/directory").param("category", "COOPERATING")
                                                                       .param("prefecture", "27").cookie(ENGLISH))
                                              .andReturn(), "en");
        Document plain = PageChecks.page(mvc.perform(get("/directory")).andReturn());

        assertThat(chosen.select("input[name=category][checked]").eachAttr("value")).containsExactly("COOPERATING");
        assertThat(chosen.select("#field-prefecture option[selected]").eachAttr("value")).containsExactly("27");
        assertThat(english.select("input[name=category][checked]").eachAttr("value")).containsExactly("COOPERATING");
        assertThat(english.select("label[for=category-1]").text()).isEqualTo("Cooperating member");
        assertThat(plain.select("input[name=category][checked]")).isEmpty();
        assertThat(plain.select("#field-prefecture option[selected]")).isEmpty();
        assertThat(plain.select("label[for=category-1]").text()).isEqualTo("協力会員");
    }

    @Test
    void a_filter_error_is_shown_at_its_field_in_english_too() throws Exception {
        MvcResult result = mvc.perform(get("/directory").param("prefecture", "99").cookie(ENGLISH)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(result, "en");
        assertThat(page.select("#error-prefecture").text()).contains("'99' is not a JIS X 0401 prefecture code");
        assertThat(page.select(".error-summary h2").text()).isEqualTo("Please check what you entered");
    }

    @Test
    void dates_are_written_the_english_way_in_english_and_by_era_in_japanese() throws Exception {
        Document english = PageChecks.page(mvc.perform(get("/").cookie(ENGLISH)).andReturn(), "en");
        Document japanese = PageChecks.page(mvc.perform(get("/")).andReturn());

        assertThat(english.select("#counts-title").text()).matches("Members as of \\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(japanese.select("#counts-title").text()).matches("会員数（令和\\d+年\\d+月\\d+日 \\(\\d{4}-\\d{2}-\\d{2}\\)現在）");
    }

    @Test
    void the_public_and_error_pages_are_english_when_english_is_chosen() throws Exception {
        assertThat(PageChecks.page(mvc.perform(get("/statistics").cookie(ENGLISH)).andReturn(), "en")
                             .select("h1").text()).isEqualTo("Membership over time");
        assertThat(PageChecks.page(mvc.perform(get("/apply").cookie(ENGLISH)).andReturn(), "en")
                             .select("label[for=field-name]").text()).isEqualTo("Name of the organization");
        assertThat(PageChecks.page(mvc.perform(get("/applications/not-a-link").cookie(ENGLISH)).andReturn(), "en")
                             .select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void a_page_without_english_texts_yet_stays_whole_in_japanese_though_english_is_chosen() throws Exception {
        Document page = PageChecks.page(mvc.perform(get("/events").cookie(ENGLISH)).andReturn());

        assertThat(page.select(".skip-link").text()).isEqualTo("本文へ移動");
        assertThat(page.select("nav.site-nav a[href=/directory]").text()).isEqualTo("会員を探す");
    }

    @Test
    void a_visitors_page_view_creates_no_session_in_either_language() throws Exception {
        for (MvcResult result : new MvcResult[] {mvc.perform(get("/directory").param("q", "こども")).andReturn(),
                mvc.perform(get("/directory").cookie(ENGLISH)).andReturn(), mvc.perform(get("/")).andReturn()}) {
            assertThat(result.getRequest().getSession(false)).isNull();
            assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void a_page_is_sent_compressed_to_a_browser_that_accepts_it() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/directory"))
                           .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void both_bundles_have_the_same_texts() throws IOException {
        Set<String> japanese = keys("/messages.properties");
        Set<String> english = keys("/messages_en.properties");

        // enum.* and nav.* are English only: their Japanese is the enums' labels and the modules' own link texts
        assertThat(english.stream().filter(k -> !k.startsWith("enum.") && !k.startsWith("nav."))
                          .collect(Collectors.toSet())).isEqualTo(japanese);
    }

    private static Set<String> keys(String resource) throws IOException {
        try (InputStream in = LanguageSwitchTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        }
    }
}
