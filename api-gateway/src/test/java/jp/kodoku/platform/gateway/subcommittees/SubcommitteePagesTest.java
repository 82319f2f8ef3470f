package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The subcommittee pages (分科会) through MockMvc and jsoup, on the real platform: what each visitor sees, and that
 * every form does what the API would, with its errors at the fields. Every page is held to {@link PageChecks}.
 */
class SubcommitteePagesTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    String lead;
    String member;
    String outsider;
    String subcommittee;
    String poll;
    List<String> slots;

    /** A subcommittee led by one organization with another as member, an organization outside, and an open poll. */
    @BeforeEach
    void aSubcommitteeWithAnOpenPoll() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Members members = new Members(api);
        lead = members.activeMember(Samples.application());
        member = members.activeMember(Samples.application());
        outsider = members.activeMember(Samples.application());
        Subcommittees subcommittees = new Subcommittees(api);
        subcommittee = subcommittees.create(lead);
        assertThat(subcommittees.post(subcommittee, "/members", TestTokens.secretariat(), Map.of("organizationId", member))
                                .status()).isEqualTo(200);
        Api.Response opened = subcommittees.post(subcommittee, "/polls", TestTokens.secretariat(), Map.of(
                "title", "第2回 日程調整", "deadline", TODAY.plusDays(5) + "T17:00",
                "slots", List.of(Map.of("date", TODAY.plusDays(10).toString(), "start", "14:00", "end", "16:00"),
                        Map.of("date", TODAY.plusDays(12).toString()))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        poll = opened.json().get("pollId").asText();
        slots = List.of(opened.json().get("slotIds").get(0).asText(), opened.json().get("slotIds").get(1).asText());
        awaitProjections();
    }

    @Test
    void anyone_sees_the_list_and_a_subcommittees_public_face_with_its_lead_organizations_and_nothing_inside() throws Exception {
        Document list = PageChecks.page(ok(get("/subcommittees")));
        assertThat(list.select("a[href=/subcommittees/" + subcommittee + "]").text()).contains("テスト分科会");

        Document page = PageChecks.page(ok(get("/subcommittees/" + subcommittee)));

        assertThat(page.select("h1").text()).contains("分科会" + number()).contains("テスト分科会");
        assertThat(page.select("dl.facts").text()).contains("活動中").contains("相談支援の連携を検討する。")
                                                  .contains(name(lead));
        assertThat(page.select("a[href$=/meetings]")).as("no way inside for a visitor").isEmpty();
    }

    @Test
    void a_member_admin_answers_each_slot_and_changes_the_answer_until_the_poll_closes() throws Exception {
        String pollPage = "/subcommittees/" + subcommittee + "/polls/" + poll;
        Document form = PageChecks.page(ok(get(pollPage).with(adminOf(member))));
        assertThat(form.select("form[action$=/answers] input[type=radio]")).hasSize(6);

        MvcResult sent = mvc.perform(post(pollPage + "/answers").with(csrf()).with(adminOf(member))
                                             .param("choice-" + slots.get(0), "YES").param("comment-" + slots.get(0), "午後なら参加できます")
                                             .param("choice-" + slots.get(1), "NO")).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        awaitProjections();
        mvc.perform(post(pollPage + "/answers").with(csrf()).with(adminOf(member))
                            .param("choice-" + slots.get(0), "MAYBE").param("choice-" + slots.get(1), "NO")).andReturn();
        awaitProjections();

        Document table = PageChecks.page(ok(get(pollPage).with(adminOf(member))));
        assertThat(table.select("table.poll-table tbody tr")).hasSize(1);
        assertThat(table.select("table.poll-table tbody tr").text()).contains(name(member)).contains("△").contains("×")
                                                                    .doesNotContain("午後なら参加できます");
        assertThat(table.select("#answer-0-MAYBE").hasAttr("checked")).as("the form shows the answer given").isTrue();
        assertThat(table.select("ul.not-answered").text()).contains(name(lead)).doesNotContain(name(member));
    }

    @Test
    void an_answer_without_any_choice_is_shown_again_with_the_error_linked_and_nothing_stored() throws Exception {
        long events = eventCount();

        MvcResult refused = mvc.perform(post("/subcommittees/" + subcommittee + "/polls/" + poll + "/answers")
                                                .with(csrf()).with(adminOf(member)).accept("text/html")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#field-answers");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void an_organization_outside_the_subcommittee_neither_sees_inside_nor_answers() throws Exception {
        String inside = "/subcommittees/" + subcommittee + "/meetings";
        assertThat(status(get(inside).with(adminOf(outsider)))).isEqualTo(403);
        assertThat(status(get("/subcommittees/" + subcommittee + "/polls/" + poll).with(adminOf(outsider)))).isEqualTo(403);
        long events = eventCount();

        int answered = status(post("/subcommittees/" + subcommittee + "/polls/" + poll + "/answers").with(csrf())
                                                                                                   .with(adminOf(outsider)).param("choice-" + slots.get(0), "YES"));

        assertThat(answered).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_chair_opens_a_poll_from_the_form_and_a_slot_in_the_past_is_shown_at_its_own_row() throws Exception {
        String form = "/subcommittees/" + subcommittee + "/polls";
        PageChecks.page(ok(get(form + "/new").with(chairOf(subcommittee))));

        MvcResult refused = mvc.perform(post(form).with(csrf()).with(chairOf(subcommittee)).param("title", "第3回 日程調整")
                                                  .param("deadlineDate", TODAY.plusDays(3).toString())
                                                  .param("slot2Date", TODAY.minusDays(1).toString())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select("#field-slot2Date").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a[href=#field-slot2Date]")).hasSize(1);

        MvcResult opened = mvc.perform(post(form).with(csrf()).with(chairOf(subcommittee)).param("title", "第3回 日程調整")
                                                 .param("deadlineDate", TODAY.plusDays(3).toString()).param("deadlineTime", "17:00")
                                                 .param("slot0Date", TODAY.plusDays(20).toString()).param("slot0Start", "10:00")
                                                 .param("slot0End", "12:00").param("slot3Date", TODAY.plusDays(21).toString()))
                              .andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        awaitProjections();
        Document table = PageChecks.page(ok(get(opened.getResponse().getRedirectedUrl()).with(chairOf(subcommittee))));
        assertThat(table.select("h1").text()).isEqualTo("第3回 日程調整");
        assertThat(table.select("table.poll-table thead th[scope=col]")).hasSize(3);
        assertThat(table.select("table.poll-table thead").text()).contains("10時00分〜12時00分").contains("終日");
    }

    @Test
    void the_page_after_opening_a_poll_shows_the_poll_even_while_the_read_models_lag_behind() throws Exception {
        String form = "/subcommittees/" + subcommittee + "/polls";
        projections.pause("subcommittees");
        java.util.concurrent.CompletableFuture<MvcResult> opening;
        try {
            opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post(form).with(csrf()).with(chairOf(subcommittee)).param("title", "第4回 日程調整")
                                                 .param("deadlineDate", TODAY.plusDays(3).toString())
                                                 .param("slot0Date", TODAY.plusDays(20).toString())).andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !opening.isDone());
        } finally {
            projections.resume("subcommittees");
        }

        MvcResult opened = opening.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        Document page = PageChecks.page(ok(get(opened.getResponse().getRedirectedUrl()).with(chairOf(subcommittee))));
        assertThat(page.select("h1").text()).isEqualTo("第4回 日程調整");
    }

    @Test
    void moving_one_slot_on_the_chairs_page_keeps_the_answers_to_the_other() throws Exception {
        answer(member, "YES", "YES");
        String pollPage = "/subcommittees/" + subcommittee + "/polls/" + poll;
        Document page = PageChecks.page(ok(get(pollPage).with(chairOf(subcommittee))));
        String version = page.select("form[action$=/slots/" + slots.get(1) + "] input[name=version]").val();

        int moved = status(post(pollPage + "/slots/" + slots.get(1)).with(csrf()).with(chairOf(subcommittee))
                                                                    .param("version", version).param("date", TODAY.plusDays(13).toString()));

        assertThat(moved).isEqualTo(302);
        awaitProjections();
        Document after = PageChecks.page(ok(get(pollPage).with(chairOf(subcommittee))));
        var cells = after.select("table.poll-table tbody tr td");
        assertThat(cells.get(0).text()).as("the answer to the slot not moved").contains("○");
        assertThat(cells.get(1).text()).as("the moved slot's answer is void").contains("未回答");
    }

    @Test
    void the_chair_confirms_a_slot_and_members_see_the_meeting_with_its_online_url_which_the_public_never_does() throws Exception {
        String pollPage = "/subcommittees/" + subcommittee + "/polls/" + poll;
        String version = PageChecks.page(ok(get(pollPage).with(chairOf(subcommittee))))
                                   .select("form[action$=/confirmation] input[name=version]").val();

        MvcResult confirmed = mvc.perform(post(pollPage + "/confirmation").with(csrf()).with(chairOf(subcommittee))
                                                                     .param("version", version).param("slotId", slots.get(0))).andReturn();

        String meetingPage = "/subcommittees/" + subcommittee + "/meetings/" + MeetingId.fromPoll(new PollId(poll)).value();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo(pollPage);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(get(meetingPage).with(chairOf(subcommittee))) == 200);
        Document chairs = PageChecks.page(ok(get(meetingPage).with(chairOf(subcommittee))));
        assertThat(status(post(meetingPage + "/place").with(csrf()).with(chairOf(subcommittee))
                                                      .param("version", chairs.select("form[action$=/place] input[name=version]").val())
                                                      .param("onlineUrl", "https://meet.example.jp/page-secret"))).isEqualTo(302);
        awaitProjections();

        Document members = PageChecks.page(ok(get(meetingPage).with(adminOf(member))));
        assertThat(members.select("a[href=https://meet.example.jp/page-secret]")).hasSize(1);
        assertThat(members.select("form")).as("a member changes nothing here").allMatch(f -> f.attr("action").equals("/sign-out"));
        Document inside = PageChecks.page(ok(get("/subcommittees/" + subcommittee + "/meetings").with(adminOf(member))));
        assertThat(inside.select("table.meetings").text()).contains("第2回 日程調整").contains("開催予定");
        String publicPage = mvc.perform(get("/subcommittees/" + subcommittee)).andReturn().getResponse()
                               .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(publicPage).doesNotContain("page-secret");
        assertThat(status(get(meetingPage))).as("anonymous: sign in first").isEqualTo(302);
    }

    @Test
    void cancelling_a_meeting_needs_a_reason_shown_at_the_field_of_that_form() throws Exception {
        String meetingPage = aMeeting();
        String version = PageChecks.page(ok(get(meetingPage).with(chairOf(subcommittee))))
                                   .select("form[action$=/cancellation] input[name=version]").val();

        MvcResult refused = mvc.perform(post(meetingPage + "/cancellation").with(csrf()).with(chairOf(subcommittee))
                                                                          .param("version", version).param("reason", " ")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = PageChecks.page(refused);
        assertThat(page.select("#field-cancelReason").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#field-rescheduleReason").hasAttr("aria-invalid")).as("the other forms are untouched").isFalse();

        assertThat(status(post(meetingPage + "/cancellation").with(csrf()).with(chairOf(subcommittee))
                                                              .param("version", version).param("reason", "台風の接近のため"))).isEqualTo(302);
        awaitProjections();
        Document cancelled = PageChecks.page(ok(get(meetingPage).with(adminOf(member))));
        assertThat(cancelled.select("dl.facts").text()).contains("中止").contains("台風の接近のため");
    }

    @Test
    void the_chair_reschedules_on_the_meeting_page_with_a_reason_and_members_see_the_new_time() throws Exception {
        String meetingPage = aMeeting();
        String version = PageChecks.page(ok(get(meetingPage).with(chairOf(subcommittee))))
                                   .select("form[action$=/rescheduling] input[name=version]").val();
        MvcResult refused = mvc.perform(post(meetingPage + "/rescheduling").with(csrf()).with(chairOf(subcommittee))
                                                                          .param("version", version).param("date", TODAY.plusDays(17).toString())
                                                                          .param("start", "10時").param("end", "12:00").param("reason", "会場の都合により")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(refused).select("#field-rescheduleStart").attr("aria-invalid")).isEqualTo("true");

        int moved = status(post(meetingPage + "/rescheduling").with(csrf()).with(chairOf(subcommittee))
                                                              .param("version", version).param("date", TODAY.plusDays(17).toString())
                                                              .param("start", "10:00").param("end", "12:00").param("reason", "会場の都合により"));

        assertThat(moved).isEqualTo(302);
        awaitProjections();
        Document seen = PageChecks.page(ok(get(meetingPage).with(adminOf(member))));
        assertThat(seen.select("dl.facts").text()).contains(TODAY.plusDays(17).toString()).contains("10時00分〜12時00分")
                                                  .contains("日程変更").contains("会場の都合により");
    }

    @Test
    void anyone_reads_public_deliverables_on_the_decision_trail_and_members_only_ones_stay_inside() throws Exception {
        aMeeting();
        String open = deliverable("公開した中間整理", "PUBLIC");
        String inside = deliverable("構成団体限りの検討成果", "MEMBERS");
        awaitProjections();
        String trail = "/subcommittees/" + subcommittee + "/decision-trail";

        Document anyone = PageChecks.page(ok(get(trail)));
        Document members = PageChecks.page(ok(get(trail).with(adminOf(member))));

        assertThat(anyone.select("main").text()).contains("中間整理：公開した中間整理").doesNotContain("構成団体限りの検討成果")
                                                .doesNotContain("第2回 日程調整");
        assertThat(members.select("main").text()).contains("公開した中間整理").contains("検討成果：構成団体限りの検討成果")
                                                 .contains("第2回 日程調整");
        PageChecks.page(ok(get("/subcommittees/" + subcommittee + "/deliverables/" + open)));
        assertThat(status(get("/subcommittees/" + subcommittee + "/deliverables/" + inside))).as("anonymous: sign in first")
                                                                                          .isEqualTo(302);
        assertThat(status(get("/subcommittees/" + subcommittee + "/deliverables/" + inside).with(adminOf(outsider))))
                .isEqualTo(403);
        PageChecks.page(ok(get("/subcommittees/" + subcommittee + "/deliverables/" + inside).with(adminOf(member))));
    }

    private String deliverable(String title, String visibility) {
        Api.Response recorded = new Subcommittees(api).post(subcommittee, "/deliverables", TestTokens.secretariat(),
                Map.of("title", title, "kind", visibility.equals("PUBLIC") ? "INTERIM_SUMMARY" : "STUDY_RESULT",
                        "date", TODAY.toString(), "summary", "相談窓口の連携について整理した。", "visibility", visibility,
                        "meetingIds", List.of()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json().get("deliverableId").asText();
    }

    @Test
    void a_member_admin_asks_to_join_and_the_chair_approves_on_the_members_page() throws Exception {
        Document mine = PageChecks.page(ok(get("/organizations/" + outsider + "/subcommittees").with(adminOf(outsider))));
        assertThat(mine.select("select[name=subcommitteeId] option[value=" + subcommittee + "]")).hasSize(1);

        assertThat(status(post("/organizations/" + outsider + "/subcommittees").with(csrf()).with(adminOf(outsider))
                                                                              .param("subcommitteeId", subcommittee).param("note", "相談窓口の連携に関心があります"))).isEqualTo(302);
        awaitProjections();
        Document asked = PageChecks.page(ok(get("/organizations/" + outsider + "/subcommittees").with(adminOf(outsider))));
        assertThat(asked.select("section[aria-labelledby=asked-title]").text()).contains("承認待ち");

        String membersPage = "/subcommittees/" + subcommittee + "/members";
        Document requests = PageChecks.page(ok(get(membersPage).with(chairOf(subcommittee))));
        assertThat(requests.select(".request").text()).contains("相談窓口の連携に関心があります");
        String version = requests.select("form[action$=/approval] input[name=version]").val();
        assertThat(status(post(membersPage.replace("/members", "/requests/" + outsider + "/approval")).with(csrf())
                                                                                                        .with(chairOf(subcommittee)).param("version", version))).isEqualTo(302);
        awaitProjections();

        Document after = PageChecks.page(ok(get("/organizations/" + outsider + "/subcommittees").with(adminOf(outsider))));
        assertThat(after.select("table a[href=/subcommittees/" + subcommittee + "/meetings]")).hasSize(1);
    }

    @Test
    void the_chair_of_another_subcommittee_gets_nothing_of_this_one() throws Exception {
        RequestPostProcessor otherChair = chairOf("bunkakai-3");
        assertThat(status(get("/subcommittees/" + subcommittee + "/polls/new").with(otherChair))).isEqualTo(403);
        assertThat(status(get("/subcommittees/" + subcommittee + "/polls/" + poll).with(otherChair))).isEqualTo(403);
        assertThat(status(post("/subcommittees/" + subcommittee + "/polls/" + poll + "/confirmation").with(csrf())
                                                                                                 .with(otherChair).param("slotId", slots.get(0)))).isEqualTo(403);
    }

    @Test
    void the_secretariat_sets_up_a_subcommittee_on_its_page_and_closes_it_with_a_reason() throws Exception {
        PageChecks.page(ok(get("/secretariat/subcommittees").with(secretariat())));
        int number = Subcommittees.nextNumber();

        MvcResult created = mvc.perform(post("/secretariat/subcommittees").with(csrf()).with(secretariat())
                                                                          .param("number", Integer.toString(number)).param("title", "ページで設置した分科会")
                                                                          .param("theme", "地域の居場所づくりを検討する。").param("leadOrganizations", lead)).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/subcommittees/bunkakai-" + number);
        awaitProjections();
        Document page = PageChecks.page(ok(get("/secretariat/subcommittees/bunkakai-" + number).with(secretariat())));
        assertThat(page.select("input[name=leadOrganizations][value=" + lead + "]").hasAttr("checked")).isTrue();

        MvcResult noReason = mvc.perform(post("/secretariat/subcommittees/bunkakai-" + number + "/closure").with(csrf())
                                                                                                          .with(secretariat()).param("version", page.select("form[action$=/closure] input[name=version]").val()))
                                .andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(noReason).select("#field-closeReason").attr("aria-invalid")).isEqualTo("true");
        assertThat(status(post("/secretariat/subcommittees/bunkakai-" + number + "/closure").with(csrf()).with(secretariat())
                                                                                            .param("version", page.select("form[action$=/closure] input[name=version]").val())
                                                                                            .param("reason", "検討を終えたため"))).isEqualTo(302);
        awaitProjections();

        Document closed = PageChecks.page(ok(get("/subcommittees/bunkakai-" + number)));
        assertThat(closed.select("dl.facts").text()).contains("閉会").contains("検討を終えたため");
    }

    @Test
    void a_number_that_is_not_a_number_is_shown_at_the_field_and_nothing_is_set_up() throws Exception {
        long events = eventCount();

        MvcResult refused = mvc.perform(post("/secretariat/subcommittees").with(csrf()).with(secretariat())
                                                                          .param("number", "三").param("title", "番号のない分科会")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(refused).select("#field-number").attr("aria-invalid")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String aMeeting() {
        Api.Response confirmed = new Subcommittees(api).post(subcommittee, "/polls/" + poll + "/confirmation",
                TestTokens.secretariat(), Map.of("slotId", slots.get(0)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String page = "/subcommittees/" + subcommittee + "/meetings/" + MeetingId.fromPoll(new PollId(poll)).value();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(get(page).with(chairOf(subcommittee))) == 200);
        return page;
    }

    private void answer(String organization, String first, String second) throws Exception {
        assertThat(status(post("/subcommittees/" + subcommittee + "/polls/" + poll + "/answers").with(csrf())
                                                                                             .with(adminOf(organization)).param("choice-" + slots.get(0), first)
                                                                                             .param("choice-" + slots.get(1), second))).isEqualTo(302);
        awaitProjections();
    }

    private int number() {
        return Integer.parseInt(subcommittee.substring("bunkakai-".length()));
    }

    private String name(String organization) {
        return name(api, organization);
    }

    private MvcResult ok(MockHttpServletRequestBuilder request) throws Exception {
        return ok(mvc, request);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return status(mvc, request);
    }

    /** The organization's name, as the secretariat reads it through the API. */
    static String name(Api api, String organization) {
        return api.get("/api/v1/organizations/" + organization).token(TestTokens.secretariat()).send()
                  .json().get("profile").get("name").asText();
    }

    /** A page asked as a browser asks (HTML), which must answer 200. */
    static MvcResult ok(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.accept("text/html")).andReturn();
        assertThat(result.getResponse().getStatus()).as(request.toString()).isEqualTo(200);
        return result;
    }

    static int status(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.accept("text/html")).andReturn().getResponse().getStatus();
    }

    static RequestPostProcessor adminOf(String organization) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organization));
    }

    static RequestPostProcessor chairOf(String subcommittee) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_subcommittee-chair"))
                          .idToken(t -> t.claim("subcommittee_id", subcommittee));
    }

    static RequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }
}
