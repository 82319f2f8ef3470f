package jp.kodoku.platform.gateway.events;

import com.icegreen.greenmail.util.GreenMail;
import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Mailbox;
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
import java.util.UUID;
import java.util.regex.Pattern;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The events pages on the real platform, checked on their HTML: what each viewer sees of the calendar and of an event
 * (never the online URL before a confirmed registration), the public's registration confirmed through the mailed link,
 * the secretariat's editor and registrations table, with the API's rules and nothing stored on bad input.
 */
class EventPagesTest extends ApiTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    WebApplicationContext context;

    @Autowired
    GreenMail greenMail;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static OidcLoginRequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }

    private static OidcLoginRequestPostProcessor adminOf(String organizationId) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organizationId).claim("email", "kanri@example.jp"));
    }

    private MvcResult page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.accept("text/html")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result;
    }

    private Document open(MockHttpServletRequestBuilder request) throws Exception {
        return PageChecks.page(page(request, 200));
    }

    private String published(Map<String, Object> details) {
        String id = new Events(api).published(details);
        awaitProjections();
        return id;
    }

    @Test
    void the_calendar_shows_announced_events_by_month_and_as_a_list_filtered_by_kind_and_prefecture_never_drafts()
            throws Exception {
        String title = "居場所づくり実践ワークショップ" + UUID.randomUUID().toString().substring(0, 8);
        String id = published(with(workshop(30), "title", title));
        new Events(api).draft(with(workshop(30), "title", "下書き" + title));
        awaitProjections();
        String month = LocalDate.now(JAPAN).plusMonths(1).toString().substring(0, 7);

        Document calendar = open(get("/events").param("view", "month").param("month", month));
        assertThat(calendar.select("table.month-calendar a[href=/events/" + id + "]").text()).isEqualTo(title);
        assertThat(calendar.text()).doesNotContain("下書き" + title);
        assertThat(open(get("/events")).select(".event-list a").eachText()).contains(title);
        assertThat(open(get("/events").param("kind", "SYMPOSIUM")).text()).doesNotContain(title);
        assertThat(open(get("/events").param("prefecture", "01")).text()).as("held in 東京都, not 北海道")
                                                                          .doesNotContain(title);
        assertThat(open(get("/events").param("prefecture", "13").param("kind", "WORKSHOP")).text()).contains(title);
    }

    @Test
    void an_event_page_never_shows_the_online_url_and_a_members_only_event_is_not_found_by_the_public() throws Exception {
        String id = published(workshop(30));
        String membersOnly = published(with(workshop(30), "visibility", "MEMBERS_ONLY", "title", "会員限定の勉強会"));

        Document event = open(get("/events/" + id));
        assertThat(event.select("h1").text()).isEqualTo("孤独・孤立に関する現場課題ワークショップ「居場所の多様性」");
        assertThat(event.html()).doesNotContain("meet.example.jp");
        assertThat(event.select("form[action=/events/" + id + "/public-registrations]")).hasSize(1);
        assertThat(open(get("/events/" + id).with(secretariat())).html()).doesNotContain("meet.example.jp");

        page(get("/events/" + membersOnly), 404);
        Document forMembers = open(get("/events/" + membersOnly).with(adminOf(UUID.randomUUID().toString())));
        assertThat(forMembers.select("form[action=/events/" + membersOnly + "/registrations]")).hasSize(1);
        assertThat(forMembers.select("form[action$=/public-registrations]")).isEmpty();
    }

    @Test
    void a_public_registration_is_confirmed_through_the_mailed_link_then_shows_the_online_url_and_can_be_cancelled()
            throws Exception {
        String id = published(workshop(30));
        String email = "yoko." + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";

        MvcResult sent = page(post("/events/" + id + "/public-registrations").with(csrf())
                .param("name", "高橋 陽子").param("email", email).param("seats", "2"), 302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/events/" + id);
        assertThat(sent.getFlashMap().get("flash").toString()).contains("確認のメールを送りました");

        String link = Mailbox.awaitMatch(greenMail, email,
                Pattern.compile("/events/" + id + "/registrations/confirm\\?token=[A-Za-z0-9_-]+"));
        String token = link.substring(link.indexOf("token=") + 6);
        awaitProjections();
        Document pending = open(get(link));
        assertThat(pending.select("#registration-status").text()).isEqualTo("メールアドレスの確認待ち");
        assertThat(pending.html()).doesNotContain("meet.example.jp");

        page(post("/events/" + id + "/registrations/confirm").with(csrf()).param("token", token), 302);
        awaitProjections();
        Document confirmed = open(get(link));
        assertThat(confirmed.select("#registration-status").text()).isEqualTo("参加確定");
        assertThat(confirmed.select("a[href=https://meet.example.jp/workshop]")).hasSize(1);

        page(post("/events/" + id + "/registrations/cancel").with(csrf()).param("token", token), 302);
        awaitProjections();
        Document cancelled = open(get(link));
        assertThat(cancelled.select("#registration-status").text()).isEqualTo("キャンセル済み");
        assertThat(cancelled.html()).doesNotContain("meet.example.jp");
    }

    @Test
    void a_public_registration_with_a_bad_address_is_shown_at_its_field_and_nothing_is_stored() throws Exception {
        String id = published(workshop(30));
        long before = eventCount();

        Document refused = PageChecks.page(page(post("/events/" + id + "/public-registrations").with(csrf())
                .param("name", "高橋 陽子").param("email", "yoko@").param("seats", "1"), 400));

        assertThat(refused.select("#field-email").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select(".error-summary a[href=#field-email]")).hasSize(1);
        assertThat(refused.select("#field-name").val()).isEqualTo("高橋 陽子");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_link_with_an_unknown_token_confirms_nothing() throws Exception {
        String id = published(workshop(30));
        long before = eventCount();

        page(post("/events/" + id + "/registrations/confirm").with(csrf()).param("token", "not-a-token"), 404);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_secretariats_editor_shows_what_cannot_be_read_at_its_field_stores_nothing_then_creates_a_draft()
            throws Exception {
        Document blank = open(get("/secretariat/events/new").with(secretariat()));
        Map<String, String> fields = Map.ofEntries(Map.entry("title", "つながりサポーター養成講座（東京会場）"),
                Map.entry("kind", "TRAINING_COURSE"), Map.entry("courseLevel", "STANDARD"),
                Map.entry("startDate", "5月1日"), Map.entry("startTime", "13:30"), Map.entry("endTime", "16:30"),
                Map.entry("venueName", "中央合同庁舎8号館"), Map.entry("venueAddress", "東京都千代田区永田町1-6-1"),
                Map.entry("venuePrefectureCode", "13"), Map.entry("capacity", "40"), Map.entry("seatLimit", "2"));
        long before = eventCount();

        Document refused = PageChecks.page(page(sendBack(blank, fields).with(secretariat()).with(csrf()), 400));
        assertThat(refused.select("#field-startDate").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#field-title").val()).isEqualTo("つながりサポーター養成講座（東京会場）");
        assertThat(eventCount()).isEqualTo(before);

        String day = LocalDate.now(JAPAN).plusMonths(2).toString();
        MvcResult created = page(sendBack(refused, Map.of("startDate", day)).with(secretariat()).with(csrf()), 302);
        String path = created.getResponse().getRedirectedUrl();
        assertThat(path).startsWith("/secretariat/events/");
        awaitProjections();
        Document draft = open(get(path).with(secretariat()));
        assertThat(draft.text()).contains("状態：下書き");
        assertThat(draft.select("#field-capacity").val()).isEqualTo("40");
        assertThat(draft.select("#field-courseLevel option[selected]").val()).isEqualTo("STANDARD");
    }

    @Test
    void raising_the_capacity_in_the_editor_promotes_the_waitlist_and_the_table_says_why_and_a_move_needs_a_reason()
            throws Exception {
        String id = published(Events.oneSeat());
        Events events = new Events(api);
        String first = UUID.randomUUID().toString();
        events.register(id, TestTokens.memberAdmin(first), 1);
        String second = events.register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                              .json().get("registrationId").asText();
        String third = events.register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                             .json().get("registrationId").asText();
        awaitProjections();

        // a move without a reason: refused at the row's field
        long before = eventCount();
        Document refused = PageChecks.page(page(post("/secretariat/events/" + id + "/registrations/" + third
                + "/waitlist-position").with(secretariat()).with(csrf()).param("position", "1"), 400));
        assertThat(refused.select("#field-reason-" + third).attr("aria-invalid")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before);

        page(post("/secretariat/events/" + id + "/registrations/" + third + "/waitlist-position").with(secretariat())
                .with(csrf()).param("position", "1").param("reason", "講師からの推薦"), 302);
        awaitProjections();
        Document editor = open(get("/secretariat/events/" + id).with(secretariat()));
        page(sendBack(editor.select("form[action=/secretariat/events/" + id + "]").first(), Map.of("capacity", "2"))
                .with(secretariat()).with(csrf()), 302);
        awaitProjections();

        Document table = open(get("/secretariat/events/" + id + "/registrations").with(secretariat()));
        assertThat(rowOf(table, third).text()).contains("参加確定").contains("定員が増えたため");
        assertThat(rowOf(table, second).text()).contains("キャンセル待ち").contains("（1番目）");
        MvcResult csv = page(get("/secretariat/events/" + id + "/registrations.csv").with(secretariat()), 200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
    }

    private static Element rowOf(Document table, String registrationId) {
        return table.select("form[action*=/registrations/" + registrationId + "/]").first().closest("tr");
    }

    /** The page's main form sent back as shown, with some fields changed. */
    private static MockHttpServletRequestBuilder sendBack(Document page, Map<String, String> changed) {
        return sendBack(page.select("main form[method=post]").last(), changed);
    }

    private static MockHttpServletRequestBuilder sendBack(Element form, Map<String, String> changed) {
        MockHttpServletRequestBuilder post = post(form.attr("action"));
        for (Element e : form.select("input[type=hidden]:not([name=_csrf]), input[type=text], textarea, select, "
                + "input[type=checkbox][checked]")) {
            String value = e.tagName().equals("select")
                    ? e.select("option[selected]").isEmpty() ? "" : e.select("option[selected]").val()
                    : e.tagName().equals("textarea") ? e.text() : e.val();
            post.param(e.attr("name"), changed.getOrDefault(e.attr("name"), value));
        }
        changed.forEach((name, value) -> {
            if (form.select("[name=" + name + "]").isEmpty()) {
                post.param(name, value);
            }
        });
        return post;
    }
}
