package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The public pages of membership, as an anonymous visitor sees them: published fields only. */
class PublicMembershipPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private MvcResult open(String path) throws Exception {
        return mvc.perform(get(path)).andReturn();
    }

    @Test
    void the_top_page_shows_todays_members_per_category_and_links_to_the_figures() throws Exception {
        MvcResult result = open("/");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = PageChecks.page(result);
        assertThat(page.select("h1").text()).isEqualTo("孤独・孤立対策官民連携プラットフォーム");
        assertThat(page.select(".counts li")).hasSize(4);
        assertThat(page.select(".counts").text()).contains("会員").contains("協力会員").contains("賛助会員").contains("合計");
        assertThat(page.select("#counts-title").text()).containsPattern("令和\\d+年\\d+月\\d+日 \\(\\d{4}-\\d{2}-\\d{2}\\)現在");
        assertThat(page.select("a[href=/statistics]")).isNotEmpty();
    }

    @Test
    void a_visitor_searching_in_hiragana_finds_a_member_whose_reading_is_in_katakana() throws Exception {
        String tag = Samples.uniqueKana();
        Map<String, Object> application = Samples.application("ひだまり食堂" + tag, "ヒダマリショクドウ" + tag);
        new Members(api).activeMember(application);
        awaitProjections();
        String hiragana = toHiragana("ヒダマリショクドウ" + tag);

        Document page = PageChecks.page(mvc.perform(get("/directory").param("q", hiragana)).andReturn());

        assertThat(page.select("#results .result-list li")).hasSize(1);
        assertThat(page.select("#results .result-list a").text()).isEqualTo("ひだまり食堂" + tag);
        assertThat(page.select("#field-q").val()).isEqualTo(hiragana);
    }

    @Test
    void search_as_you_type_gets_only_the_results_back() throws Exception {
        MvcResult result = mvc.perform(get("/directory").param("q", "ネットワーク").header("HX-Request", "true")).andReturn();

        Document fragment = PageChecks.html(result);
        assertThat(fragment.select("#results")).hasSize(1);
        assertThat(fragment.select("header, footer, h1")).isEmpty();
    }

    @Test
    void a_search_text_over_the_limit_shows_the_form_again_with_the_error_at_the_field() throws Exception {
        MvcResult result = mvc.perform(get("/directory").param("q", "あ".repeat(101))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(result);
        assertThat(page.select(".error-summary a[href=#field-q]")).hasSize(1);
        assertThat(page.select("#field-q").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#field-q").val()).isEqualTo("あ".repeat(101));
    }

    @Test
    void the_filters_are_kept_as_they_were_sent() throws Exception {
        Document page = PageChecks.page(open("/directory?category=COOPERATING&prefecture=13&field=HOUSING"));

        assertThat(page.select("input[name=category][value=COOPERATING]").attr("checked")).isNotNull();
        assertThat(page.select("input[name=category][value=COOPERATING]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=category][value=REGULAR]").hasAttr("checked")).isFalse();
        assertThat(page.select("select[name=prefecture] option[value=13]").hasAttr("selected")).isTrue();
        assertThat(page.select("input[name=field][value=HOUSING]").hasAttr("checked")).isTrue();
    }

    @Test
    void an_unknown_category_in_a_link_is_a_japanese_400_page() throws Exception {
        MvcResult result = open("/directory?category=NOPE");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(result).select("h1").text()).isEqualTo("アドレスの指定に誤りがあります");
    }

    @Test
    void an_organization_page_shows_published_fields_and_never_the_contact_person() throws Exception {
        Map<String, Object> application = Samples.application();
        String id = new Members(api).activeMember(application);
        awaitProjections();

        MvcResult result = open("/directory/" + id);

        Document page = PageChecks.page(result);
        assertThat(page.select("h1").text()).isEqualTo(Samples.profileOf(application).get("name"));
        assertThat(page.select("dl.facts").text()).contains("東京都、神奈川県").contains("居場所")
                                                 .contains("令和6年4月1日 (2024-04-01)");
        String html = page.outerHtml();
        Map<String, Object> contact = Samples.contactOf(application);
        assertThat(html).doesNotContain((String) contact.get("email")).doesNotContain((String) contact.get("phone"))
                        .doesNotContain((String) contact.get("name"));
        assertThat(page.select("nav.breadcrumbs [aria-current=page]").text()).isEqualTo(page.select("h1").text());
    }

    @Test
    void an_applicant_not_yet_approved_has_no_public_page() throws Exception {
        String id = new Members(api).apply(Samples.application()).id();
        awaitProjections();

        MvcResult result = mvc.perform(get("/directory/" + id).accept("text/html")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(PageChecks.page(result).select("h1").text()).isEqualTo("ページが見つかりません");
    }

    @Test
    void the_statistics_page_has_a_chart_with_a_text_alternative_and_the_same_figures_as_a_table() throws Exception {
        Document page = PageChecks.page(open("/statistics?asOf=2022-12-01"));

        assertThat(page.select("table caption").first().text()).isEqualTo("令和4年12月1日 (2022-12-01)現在の会員数");
        assertThat(page.select("svg[role=img]")).hasSize(1);
        assertThat(page.select("svg title#chart-title").text()).isNotBlank();
        int dates = page.select("table").get(1).select("tbody tr").size();
        assertThat(dates).isGreaterThanOrEqualTo(4); // 2022-04-01 … each 1 April … and today
        assertThat(page.select("svg rect")).hasSize(dates * 3);
    }

    @Test
    void a_date_before_the_platform_is_refused_at_its_field() throws Exception {
        MvcResult result = open("/statistics?asOf=2021-01-01");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(result);
        assertThat(page.select(".error-summary a[href=#field-asOf]")).hasSize(1);
    }

    private static String toHiragana(String katakana) {
        StringBuilder s = new StringBuilder();
        katakana.codePoints().forEach(c -> s.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return s.toString();
    }
}
