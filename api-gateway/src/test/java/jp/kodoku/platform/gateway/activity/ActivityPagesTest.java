package jp.kodoku.platform.gateway.activity;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The activity on the pages: the top page's newest public entries, and /activity as each visitor may read it. */
class ActivityPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor adminOf(String id) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", id));
    }

    private static String name(Map<String, Object> application) {
        return Samples.profileOf(application).get("name").toString();
    }

    @Test
    void the_top_page_shows_the_newest_public_activity_with_links_to_the_pages() throws Exception {
        Map<String, Object> application = Samples.application();
        String member = new Members(api).activeMember(application);
        awaitProjections();

        Document page = PageChecks.page(mvc.perform(get("/")).andReturn());

        assertThat(page.select("#activity-title").text()).isEqualTo("最近の動き");
        assertThat(page.select(".activity a").eachText()).contains(name(application) + "が会員になりました");
        assertThat(page.select(".activity a[href=/directory/" + member + "]")).isNotEmpty();
        assertThat(page.select("a[href=/activity]")).isNotEmpty();
    }

    @Test
    void a_visitor_reads_public_entries_and_a_member_admin_also_its_subcommittees_and_members_only_ones() throws Exception {
        Map<String, Object> application = Samples.application();
        String member = new Members(api).activeMember(application);
        String subcommittee = new Subcommittees(api).create(member);
        String assembly = "総会 " + UUID.randomUUID();
        new Events(api).published(Events.with(Events.workshop(30), "kind", "GENERAL_ASSEMBLY", "title", assembly));
        awaitProjections();
        String joined = name(application) + "が分科会" + subcommittee.substring("bunkakai-".length()) + "に参加しました";

        Document anyone = PageChecks.page(mvc.perform(get("/activity")).andReturn());
        Document admin = PageChecks.page(mvc.perform(get("/activity").with(adminOf(member))).andReturn());

        assertThat(anyone.select("h1").text()).isEqualTo("最近の動き");
        assertThat(anyone.select(".activity").text()).doesNotContain(joined).doesNotContain(assembly);
        assertThat(admin.select(".activity").text()).contains(joined).contains(assembly);
        assertThat(anyone.select("a[href=/api/v1/feed.atom]")).isNotEmpty();
    }

    @Test
    void the_kind_filter_and_the_pager_follow_the_feed() throws Exception {
        for (int i = 0; i < 2; i++) {
            new Members(api).activeMember(Samples.application());
        }
        awaitProjections();

        Document first = PageChecks.page(mvc.perform(get("/activity").param("kind", "MEMBER_JOINED")).andReturn());

        assertThat(first.select(".activity__kind").eachText()).isNotEmpty().allMatch(k -> k.equals("入会"));
        assertThat(first.select("#field-kind option[selected]").val()).isEqualTo("MEMBER_JOINED");
    }

    @Test
    void a_cursor_the_feed_did_not_give_is_a_bad_request_page() throws Exception {
        int status = mvc.perform(get("/activity").param("cursor", "not-a-cursor").accept("text/html"))
                        .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(400);
    }
}
