package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import jp.kodoku.platform.subcommittees.api.ScheduleMeeting;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kodoku.platform.gateway.subcommittees.SubcommitteePagesTest.adminOf;
import static jp.kodoku.platform.gateway.subcommittees.SubcommitteePagesTest.chairOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A meeting's agenda, attendance and minutes on pages (MockMvc and jsoup on the real platform): the chair's forms do
 * what the API does, each save of the minutes is a revision, the comparison says its changes in words, and each reader
 * sees only what the API would show. Every page is held to {@link PageChecks}.
 */
class MeetingRecordPagesTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final byte[] PDF = "%PDF-1.7\n第5回 報告資料\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    WebApplicationContext context;
    @Autowired
    CommandGateway gateway;

    MockMvc mvc;
    String member;
    String outsider;
    String subcommittee;
    String meeting;

    /** A subcommittee with a member organization, an organization outside, and a meeting confirmed from a poll. */
    @BeforeEach
    void aMeeting() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Members members = new Members(api);
        String lead = members.activeMember(Samples.application());
        member = members.activeMember(Samples.application());
        outsider = members.activeMember(Samples.application());
        Subcommittees subcommittees = new Subcommittees(api);
        subcommittee = subcommittees.create(lead);
        String token = TestTokens.secretariat();
        assertThat(subcommittees.post(subcommittee, "/members", token, Map.of("organizationId", member)).status()).isEqualTo(200);
        Api.Response opened = subcommittees.post(subcommittee, "/polls", token, Map.of("title", "第5回 分科会",
                "deadline", TODAY.plusDays(3) + "T17:00", "slots", List.of(Map.of("date", TODAY.plusDays(10).toString(),
                        "start", "14:00", "end", "16:00"))));
        String poll = opened.json().get("pollId").asText();
        assertThat(subcommittees.post(subcommittee, "/polls/" + poll + "/confirmation", token,
                Map.of("slotId", opened.json().get("slotIds").get(0).asText())).status()).isEqualTo(200);
        meeting = MeetingId.fromPoll(new PollId(poll)).value();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(get(meetingPage()).with(chairOf(subcommittee))) == 200);
    }

    @Test
    void the_chair_adds_an_item_with_its_presenter_and_a_file_that_members_download_and_outsiders_do_not() throws Exception {
        Document page = PageChecks.page(ok(get(meetingPage()).with(chairOf(subcommittee))));
        assertThat(page.select("#field-addTitle")).hasSize(1);

        assertThat(status(post(meetingPage() + "/agenda").with(csrf()).with(chairOf(subcommittee))
                .param("version", version(page)).param("title", "相談支援の連携事例の報告").param("presenter", member)))
                .isEqualTo(302);
        awaitProjections();
        page = PageChecks.page(ok(get(meetingPage()).with(chairOf(subcommittee))));
        Element item = page.selectFirst("ol.agenda li.agenda__item");
        assertThat(item.select("h3").text()).isEqualTo("相談支援の連携事例の報告");
        assertThat(item.text()).contains("発表団体：" + name(member));
        assertThat(item.select("form[enctype=multipart/form-data]").attr("action")).contains("_csrf=");
        assertThat(item.select(".field__hint").text()).contains("PDF").contains("10MB");
        String itemId = item.select("form[action$=/removal]").attr("action").split("/agenda/")[1].split("/")[0];

        MvcResult attached = mvc.perform(multipart(meetingPage() + "/agenda/" + itemId + "/files")
                .file(new MockMultipartFile("file", "報告資料.pdf", "application/pdf", PDF)).param("version", version(page))
                .with(csrf()).with(chairOf(subcommittee))).andReturn();
        assertThat(attached.getResponse().getStatus()).isEqualTo(302);
        awaitProjections();

        Document seen = PageChecks.page(ok(get(meetingPage()).with(adminOf(member))));
        String download = seen.select("ol.agenda a:contains(報告資料.pdf)").attr("href");
        assertThat(download).endsWith("/files/" + Attachments.sha256(PDF));
        assertThat(seen.select("form[action*=/agenda]")).as("a member changes nothing").isEmpty();
        MvcResult file = mvc.perform(get(download).with(adminOf(member))).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(PDF);
        assertThat(status(get(download).with(adminOf(outsider)))).isEqualTo(403);
    }

    @Test
    void a_file_whose_bytes_are_not_what_its_name_says_is_refused_at_its_field_in_japanese_and_nothing_is_stored() throws Exception {
        Document page = PageChecks.page(ok(get(meetingPage()).with(chairOf(subcommittee))));
        status(post(meetingPage() + "/agenda").with(csrf()).with(chairOf(subcommittee)).param("version", version(page))
                .param("title", "資料の確認"));
        awaitProjections();
        page = PageChecks.page(ok(get(meetingPage()).with(chairOf(subcommittee))));
        String itemId = page.select("ol.agenda form[action$=/removal]").attr("action").split("/agenda/")[1].split("/")[0];
        long events = eventCount();

        MvcResult refused = mvc.perform(multipart(meetingPage() + "/agenda/" + itemId + "/files")
                .file(new MockMultipartFile("file", "報告資料.pdf", "application/pdf", PNG)).param("version", version(page))
                .with(csrf()).with(chairOf(subcommittee)).accept("text/html")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document shown = PageChecks.page(refused);
        assertThat(shown.select(".error-summary a").attr("href")).isEqualTo("#field-item0File");
        assertThat(shown.select("#error-item0File").text()).contains("ファイル").contains("拡張子");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void each_save_is_a_revision_the_comparison_says_added_and_removed_in_words_and_a_restore_brings_the_text_back() throws Exception {
        String minutes = meetingPage() + "/minutes";
        Document empty = PageChecks.page(ok(get(minutes).with(chairOf(subcommittee))));
        assertThat(empty.select("textarea#field-text")).hasSize(1);

        save(minutes, "", "議事録\n1. 開会\n2. 報告\n3. 閉会");
        Document first = PageChecks.page(ok(get(minutes).with(chairOf(subcommittee))));
        save(minutes, version(first), "議事録\n1. 開会\n2. 連携事例の報告\n3. 閉会");

        Document page = PageChecks.page(ok(get(minutes).with(chairOf(subcommittee))));
        assertThat(page.select("table.revisions tbody tr")).hasSize(2);
        assertThat(page.select("table.revisions tbody tr").first().text()).contains("第1版").contains("令和");
        Document comparison = PageChecks.page(ok(get(minutes + "/comparison?from=1&to=2").with(chairOf(subcommittee))));
        assertThat(comparison.select("ol.line-diff li")).hasSize(5);
        assertThat(comparison.select("ol.line-diff del").text()).isEqualTo("2. 報告");
        assertThat(comparison.select("ol.line-diff ins").text()).isEqualTo("2. 連携事例の報告");
        assertThat(comparison.select("li.line-diff__removed .line-diff__label").text()).isEqualTo("削除");
        assertThat(comparison.select("li.line-diff__added .line-diff__label").text()).isEqualTo("追加");
        assertThat(comparison.select(".diff-summary").text()).contains("追加 1行").contains("削除 1行");

        assertThat(status(post(minutes + "/revisions/1/restoration").with(csrf()).with(chairOf(subcommittee))
                .param("version", version(page)))).isEqualTo(302);
        awaitProjections();
        Document restored = PageChecks.page(ok(get(minutes).with(chairOf(subcommittee))));
        assertThat(restored.select("textarea#field-text").first().wholeText()).isEqualTo("議事録\n1. 開会\n2. 報告\n3. 閉会");
        assertThat(restored.select("table.revisions tbody tr").last().text()).contains("第3版").contains("第1版から復元");
    }

    @Test
    void a_save_on_a_version_someone_else_moved_past_is_refused_with_412_and_keeps_what_was_typed() throws Exception {
        String minutes = meetingPage() + "/minutes";
        save(minutes, "", "第5回 議事録（案）");
        String read = version(PageChecks.page(ok(get(minutes).with(chairOf(subcommittee)))));
        save(minutes, read, "第5回 議事録（事務局の修正）");

        MvcResult stale = mvc.perform(post(minutes).with(csrf()).with(chairOf(subcommittee)).param("version", read)
                                              .param("text", "第5回 議事録（座長の修正）").accept("text/html")).andReturn();

        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        Document page = PageChecks.page(stale);
        assertThat(page.select("textarea#field-text").text()).isEqualTo("第5回 議事録（座長の修正）");
        assertThat(page.select(".notice").text()).contains("保存できませんでした").contains("第5回 議事録（事務局の修正）");
        assertThat(page.select("input[name=version]").val()).isNotEqualTo(read);
    }

    @Test
    void finalized_after_a_confirmation_published_to_the_members_they_read_them_and_the_public_does_not() throws Exception {
        String minutes = meetingPage() + "/minutes";
        save(minutes, "", "第5回 議事録\n出席：3団体");
        assertThat(status(get(minutes).with(adminOf(member)))).as("a draft is the drafters'").isEqualTo(403);
        Document confirm = PageChecks.page(ok(get(minutes + "/finalization").with(chairOf(subcommittee))));
        assertThat(confirm.select("h1").text()).isEqualTo("議事録を確定しますか");
        assertThat(confirm.text()).contains("以後は本文の変更も前の版への復元もできません");

        assertThat(status(post(minutes + "/finalization").with(csrf()).with(chairOf(subcommittee))
                .param("version", confirm.select("input[name=version]").val()))).isEqualTo(302);
        awaitProjections();
        Document finalized = PageChecks.page(ok(get(minutes).with(chairOf(subcommittee))));
        assertThat(finalized.select("textarea")).as("nothing changes finalized minutes").isEmpty();
        assertThat(status(post(minutes + "/publication").with(csrf()).with(chairOf(subcommittee))
                .param("version", version(finalized)).param("audience", "MEMBERS"))).isEqualTo(302);
        awaitProjections();

        Document read = PageChecks.page(ok(get(minutes).with(adminOf(member))));
        assertThat(read.select(".minutes-text").text()).contains("第5回 議事録");
        assertThat(read.select("dl.facts").text()).contains("構成団体に公開");
        assertThat(read.select("form[action*=/minutes], textarea")).as("a member changes nothing").isEmpty();
        assertThat(status(get(minutes).with(adminOf(outsider)))).isEqualTo(403);
        MvcResult anonymous = mvc.perform(get(minutes).accept("text/html")).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).as("the public is sent to sign in").endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void attendance_is_recorded_per_member_organization_once_the_meeting_has_begun() throws Exception {
        Document future = PageChecks.page(ok(get(meetingPage()).with(chairOf(subcommittee))));
        assertThat(future.text()).contains("出席は会議の開始後に記録できます");
        assertThat(status(post(meetingPage() + "/attendance").with(csrf()).with(chairOf(subcommittee))
                .param("people-" + member, "2"))).isEqualTo(409);

        // a meeting that took place this morning (scheduled by the module's command: a poll never offers the past)
        MeetingId past = new MeetingId(UUID.randomUUID().toString());
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ScheduleMeeting(past, new SubcommitteeId(subcommittee),
                "第4回 分科会", TODAY, LocalTime.of(0, 0), LocalTime.of(0, 30), null))
                .andMetaData(AuditMetadata.of("test-secretariat", "test-" + UUID.randomUUID())));
        String pastPage = "/subcommittees/" + subcommittee + "/meetings/" + past.value();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(get(pastPage).with(chairOf(subcommittee))) == 200);
        Document page = PageChecks.page(ok(get(pastPage).with(chairOf(subcommittee))));
        assertThat(page.select("form[action$=/attendance] input[type=number]")).hasSize(2);

        MvcResult wrong = mvc.perform(post(pastPage + "/attendance").with(csrf()).with(chairOf(subcommittee))
                .param("version", version(page)).param("people-" + member, "二").accept("text/html")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(PageChecks.page(wrong).select(".error-summary a").attr("href")).startsWith("#field-people");

        assertThat(status(post(pastPage + "/attendance").with(csrf()).with(chairOf(subcommittee))
                .param("version", version(page)).param("people-" + member, "3"))).isEqualTo(302);
        awaitProjections();
        Document seen = PageChecks.page(ok(get(pastPage).with(adminOf(member))));
        assertThat(seen.select("table.attendance tbody").text()).contains(name(member)).contains("3名");
        assertThat(seen.select("table.attendance tfoot").text()).contains("3名");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String meetingPage() {
        return "/subcommittees/" + subcommittee + "/meetings/" + meeting;
    }

    private void save(String minutes, String version, String text) throws Exception {
        assertThat(status(post(minutes).with(csrf()).with(chairOf(subcommittee)).param("version", version)
                .param("text", text))).isEqualTo(302);
        awaitProjections();
    }

    /** The version the page was read at (every form of it carries the same). */
    private static String version(Document page) {
        return page.select("input[name=version]").first().val();
    }

    private String name(String organization) {
        return SubcommitteePagesTest.name(api, organization);
    }

    private MvcResult ok(MockHttpServletRequestBuilder request) throws Exception {
        return SubcommitteePagesTest.ok(mvc, request);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return SubcommitteePagesTest.status(mvc, request);
    }
}
