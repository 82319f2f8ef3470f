package jp.kodoku.platform.gateway.subcommittees;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.files.Attachments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting's agenda and files, its minutes as revisions, the subcommittee's deliverables and its decision trail, through
 * the HTTP API with real tokens: who reads what, and what a finalized minute refuses.
 */
class MinutesAndDeliverablesTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final byte[] PDF = "%PDF-1.7\n第5回 分科会3 報告資料\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private String member;
    private String outsider;
    private String subcommittee;
    private Subcommittees.Chair chair;
    private String meeting;

    /** A subcommittee with a member, its chair, and a meeting confirmed from a poll; an organization outside it. */
    private void aMeeting() {
        Members members = new Members(api);
        Subcommittees subcommittees = new Subcommittees(api);
        String lead = members.activeMember(Samples.application());
        member = members.activeMember(Samples.application());
        outsider = members.activeMember(Samples.application());
        subcommittee = subcommittees.create(lead);
        chair = subcommittees.appointChair(subcommittee, lead);
        assertThat(subcommittees.post(subcommittee, "/members", chair.token(), Map.of("organizationId", member)).status())
                .isEqualTo(200);
        meeting = subcommittees.meetingFromPoll(subcommittee, chair, "第5回 分科会");
    }

    private String base() {
        return "/api/v1/subcommittees/" + subcommittee;
    }

    private String minutes() {
        return base() + "/meetings/" + meeting + "/minutes";
    }

    @Test
    void the_chair_saves_revisions_compares_and_restores_them_then_finalizes_and_nothing_changes_them() {
        aMeeting();

        Api.Response first = api.put(minutes()).token(chair.token()).body(Map.of("text", "議事録\n1. 開会\n2. 報告\n3. 閉会")).send();
        Api.Response second = api.put(minutes()).token(chair.token()).header("If-Match", first.etag())
                                 .body(Map.of("text", "議事録\n1. 開会\n2. 連携事例の報告\n3. 閉会")).send();
        Api.Response stale = api.put(minutes()).token(chair.token()).header("If-Match", first.etag())
                                .body(Map.of("text", "古い版からの上書き")).send();
        assertThat(List.of(first.status(), second.status(), stale.status())).containsExactly(200, 200, 412);
        awaitProjections();

        JsonNode revisions = api.get(minutes() + "/revisions").token(chair.token()).send().json();
        assertThat(revisions.findValuesAsText("revision")).containsExactly("1", "2");
        assertThat(revisions.get(0).get("savedBy").asText()).isEqualTo(chair.username());
        assertThat(revisions.get(0).get("savedAt").asText()).isNotBlank();
        JsonNode comparison = api.get(minutes() + "/comparison?from=1&to=2").token(chair.token()).send().json();
        assertThat(comparison.get("lines").findValuesAsText("change"))
                .containsExactly("SAME", "SAME", "REMOVED", "ADDED", "SAME");
        assertThat(comparison.get("lines").get(3).get("text").asText()).isEqualTo("2. 連携事例の報告");

        Api.Response restored = api.post(minutes() + "/revisions/1/restoration").token(chair.token()).send();
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        awaitProjections();
        JsonNode now = api.get(minutes()).token(chair.token()).send().json();
        assertThat(now.get("revision").asInt()).isEqualTo(3);
        assertThat(now.get("text").asText()).isEqualTo("議事録\n1. 開会\n2. 報告\n3. 閉会");
        assertThat(now.get("status").asText()).isEqualTo("DRAFT");

        assertThat(api.post(minutes() + "/finalization").token(chair.token()).send().status()).isEqualTo(200);
        Api.Response changed = api.put(minutes()).token(chair.token()).body(Map.of("text", "確定後の修正")).send();
        Api.Response restoredAfter = api.post(minutes() + "/revisions/2/restoration").token(chair.token()).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
        assertThat(restoredAfter.status()).as(restoredAfter.toString()).isEqualTo(409);
        awaitProjections();
        assertThat(api.get(minutes()).token(chair.token()).send().json().get("status").asText()).isEqualTo("FINALIZED");
    }

    @Test
    void drafts_are_the_chairs_published_minutes_the_members_and_public_minutes_anyones() {
        aMeeting();
        api.put(minutes()).token(chair.token()).body(Map.of("text", "第5回 議事録（案）")).send();
        awaitProjections();

        assertThat(api.get(minutes()).token(TestTokens.memberAdmin(member)).send().status()).isEqualTo(403);
        assertThat(api.get(minutes()).token(TestTokens.secretariat()).send().status()).isEqualTo(200);

        assertThat(api.post(minutes() + "/finalization").token(chair.token()).send().status()).isEqualTo(200);
        assertThat(api.post(minutes() + "/publication").token(chair.token()).body(Map.of("audience", "MEMBERS")).send()
                      .status()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get(minutes()).token(TestTokens.memberAdmin(member)).send().json().get("text").asText())
                .isEqualTo("第5回 議事録（案）");
        assertThat(api.get(minutes()).token(TestTokens.memberAdmin(outsider)).send().status()).isEqualTo(403);
        assertThat(api.get(minutes()).token(TestTokens.chair()).send().status()).isEqualTo(403);
        assertThat(api.get(minutes()).send().status()).isEqualTo(401);
        assertThat(api.get(minutes() + "/revisions").token(TestTokens.memberAdmin(member)).send().status()).isEqualTo(403);

        assertThat(api.post(minutes() + "/publication").token(chair.token()).body(Map.of("audience", "PUBLIC")).send()
                      .status()).isEqualTo(200);
        awaitProjections();
        Api.Response anyone = api.get(minutes()).send();
        assertThat(anyone.status()).as(anyone.toString()).isEqualTo(200);
        assertThat(anyone.json().get("audience").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void an_agenda_file_is_downloaded_as_an_attachment_by_the_members_and_by_anyone_once_the_meeting_is_public() {
        aMeeting();
        Api.Response item = api.post(base() + "/meetings/" + meeting + "/agenda").token(chair.token())
                               .body(Map.of("title", "相談支援の連携事例の報告", "presenterOrganizationId", member)).send();
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        String items = base() + "/meetings/" + meeting + "/agenda/" + item.json().get("itemId").asText();
        Api.Response attached = api.post(items + "/files").token(chair.token()).file("第5回 報告資料.pdf", "application/pdf", PDF).send();
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode agenda = api.get(base() + "/meetings/" + meeting).token(TestTokens.memberAdmin(member)).send().json().get("agenda");
        assertThat(agenda.get(0).get("presenter").get("id").asText()).isEqualTo(member);
        assertThat(agenda.get(0).get("files").get(0).get("fileName").asText()).isEqualTo("第5回 報告資料.pdf");
        String file = items + "/files/" + Attachments.sha256(PDF);
        Api.Response download = api.get(file).token(TestTokens.memberAdmin(member)).send();
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(PDF);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E7%AC%AC5%E5%9B%9E%20");
        assertThat(api.get(file).token(TestTokens.memberAdmin(outsider)).send().status()).isEqualTo(403);
        assertThat(api.get(file).send().status()).isEqualTo(401);

        assertThat(api.put(base() + "/meetings/" + meeting + "/visibility").token(chair.token())
                      .body(Map.of("publicMeeting", true)).send().status()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get(file).send().status()).isEqualTo(200);
        JsonNode publicMeetings = api.get(base() + "/public-meetings").send().json();
        assertThat(publicMeetings.findValuesAsText("meetingId")).containsExactly(meeting);
        assertThat(publicMeetings.toString()).doesNotContain("onlineUrl");
    }

    @Test
    void a_file_whose_bytes_are_not_its_type_and_an_oversized_file_are_refused_naming_the_file_and_nothing_is_stored() {
        aMeeting();
        Api.Response item = api.post(base() + "/meetings/" + meeting + "/agenda").token(chair.token())
                               .body(Map.of("title", "資料")).send();
        String files = base() + "/meetings/" + meeting + "/agenda/" + item.json().get("itemId").asText() + "/files";
        long events = eventCount();
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM file_contents", Integer.class);

        Api.Response disguised = api.post(files).token(chair.token()).file("議事録.pdf", "application/pdf", PNG).send();
        Api.Response oversized = api.post(files).token(chair.token())
                                    .file("大きい.pdf", "application/pdf", Arrays.copyOf(PDF, Attachments.MAX_BYTES + 1)).send();

        assertThat(disguised.status()).as(disguised.toString()).isEqualTo(400);
        assertThat(disguised.json().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(oversized.status()).as(oversized.toString()).isEqualTo(413);
        assertThat(oversized.json().path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM file_contents", Integer.class)).isEqualTo(stored);
    }

    @Test
    void deliverables_follow_their_visibility_and_the_trail_leads_from_the_meeting_to_them() {
        aMeeting();
        Api.Response early = api.post(base() + "/deliverables").token(chair.token()).body(Map.of("title", "中間整理",
                "kind", "INTERIM_SUMMARY", "date", TODAY.plusDays(5).toString(), "visibility", "MEMBERS",
                "meetingIds", List.of(meeting))).send();
        assertThat(early.status()).as(early.toString()).isEqualTo(400);
        assertThat(early.json().path("errors").findValuesAsText("field")).containsExactly("date");

        Api.Response recorded = api.post(base() + "/deliverables").token(chair.token()).body(Map.of("title", "中間整理",
                "kind", "INTERIM_SUMMARY", "date", TODAY.plusDays(11).toString(), "summary", "論点を整理した。",
                "visibility", "MEMBERS", "meetingIds", List.of(meeting))).send();
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String deliverable = base() + "/deliverables/" + recorded.json().get("deliverableId").asText();
        assertThat(api.post(deliverable + "/files").token(chair.token()).file("中間整理.pdf", "application/pdf", PDF).send()
                      .status()).isEqualTo(200);
        awaitProjections();

        assertThat(api.get(base() + "/deliverables").send().json()).isEmpty();
        assertThat(api.get(deliverable).send().status()).isEqualTo(401);
        assertThat(api.get(deliverable).token(TestTokens.memberAdmin(outsider)).send().status()).isEqualTo(403);
        assertThat(api.get(deliverable + "/files/" + Attachments.sha256(PDF)).token(TestTokens.memberAdmin(member)).send()
                      .status()).isEqualTo(200);
        JsonNode membersTrail = api.get(base() + "/decision-trail").token(TestTokens.memberAdmin(member)).send().json();
        assertThat(membersTrail.get("steps").get(0).get("meetingId").asText()).isEqualTo(meeting);
        assertThat(membersTrail.get("steps").get(0).get("deliverables").findValuesAsText("title")).containsExactly("中間整理");

        assertThat(api.put(deliverable + "/visibility").token(chair.token()).body(Map.of("visibility", "PUBLIC")).send()
                      .status()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get(base() + "/deliverables").send().json().findValuesAsText("title")).containsExactly("中間整理");
        assertThat(api.get(deliverable + "/files/" + Attachments.sha256(PDF)).send().status()).isEqualTo(200);
        JsonNode publicTrail = api.get(base() + "/decision-trail").send().json();
        assertThat(publicTrail.get("steps")).isEmpty(); // the meeting is not public
        assertThat(publicTrail.get("unlinked").findValuesAsText("title")).containsExactly("中間整理");
    }

    @Test
    void attendance_waits_until_the_meeting_has_begun_and_names_only_member_organizations() {
        aMeeting();
        String attendance = base() + "/meetings/" + meeting + "/attendance";

        Api.Response early = api.put(attendance).token(chair.token())
                                .body(Map.of("attendance", List.of(Map.of("organizationId", member, "people", 2)))).send();
        Api.Response stranger = api.put(attendance).token(chair.token())
                                   .body(Map.of("attendance", List.of(Map.of("organizationId", outsider, "people", 2)))).send();

        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(400);
        assertThat(stranger.json().path("errors").findValuesAsText("field")).containsExactly("attendance[0].organizationId");
    }
}
