package jp.kodoku.platform.gateway.subcommittees;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Meetings (会議) through the HTTP API: rescheduled and cancelled with a reason, their place, who sees the online URL. */
class MeetingsTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private String lead;
    private String member;
    private String outsider;
    private String subcommittee;
    private Subcommittees.Chair chair;
    private String meeting;

    /** A subcommittee with a member and a meeting its chair confirmed from a poll; an organization outside it. */
    private void aScheduledMeeting() {
        Members members = new Members(api);
        Subcommittees subcommittees = new Subcommittees(api);
        lead = members.activeMember(Samples.application());
        member = members.activeMember(Samples.application());
        outsider = members.activeMember(Samples.application());
        subcommittee = subcommittees.create(lead);
        chair = subcommittees.appointChair(subcommittee, lead);
        assertThat(subcommittees.post(subcommittee, "/members", chair.token(), Map.of("organizationId", member)).status())
                .isEqualTo(200);
        Api.Response opened = api.post(base() + "/polls").token(chair.token())
                                 .body(Map.of("title", "第5回 分科会", "deadline", TODAY.plusDays(3) + "T17:00",
                                         "slots", List.of(Map.of("date", TODAY.plusDays(10).toString(), "start", "14:00",
                                                 "end", "16:00")))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        assertThat(api.post(base() + "/polls/" + poll + "/confirmation").token(chair.token())
                      .body(Map.of("slotId", opened.json().get("slotIds").get(0).asText())).send().status()).isEqualTo(200);
        meeting = MeetingId.fromPoll(new PollId(poll)).value();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(meetings(chair.token())).hasSize(1));
    }

    @Test
    void the_chair_reschedules_with_a_reason_and_members_see_the_new_date() {
        aScheduledMeeting();

        Api.Response moved = api.post(base() + "/meetings/" + meeting + "/rescheduling").token(chair.token())
                                .body(Map.of("date", TODAY.plusDays(17).toString(), "start", "10:00", "end", "12:00",
                                        "reason", "会場の都合により")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode seen = meetings(TestTokens.memberAdmin(member)).get(0);
        assertThat(seen.get("date").asText()).isEqualTo(TODAY.plusDays(17).toString());
        assertThat(seen.get("start").asText()).startsWith("10:00");
        assertThat(seen.get("status").asText()).isEqualTo("RESCHEDULED");
        assertThat(seen.get("reason").asText()).isEqualTo("会場の都合により");
        assertThat(seen.get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void a_cancelled_meeting_stays_listed_with_its_reason_and_is_not_rescheduled() {
        aScheduledMeeting();

        Api.Response cancelled = api.post(base() + "/meetings/" + meeting + "/cancellation").token(TestTokens.secretariat())
                                    .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Api.Response moved = api.post(base() + "/meetings/" + meeting + "/rescheduling").token(chair.token())
                                .body(Map.of("date", TODAY.plusDays(17).toString(), "reason", "改めて開催")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
        awaitProjections();

        JsonNode seen = meetings(chair.token()).get(0);
        assertThat(seen.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(seen.get("reason").asText()).isEqualTo("台風の接近のため");
        assertThat(seen.get("date").asText()).isEqualTo(TODAY.plusDays(10).toString());
    }

    @Test
    void the_online_url_is_shown_to_the_subcommittee_and_to_nobody_else() {
        aScheduledMeeting();

        Api.Response placed = api.put(base() + "/meetings/" + meeting + "/place").token(chair.token())
                                 .body(Map.of("venue", "東京都千代田区霞が関1-2-2 会議室A",
                                         "onlineUrl", "https://meet.example.jp/bunkakai-secret")).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
        awaitProjections();

        for (String insider : List.of(TestTokens.memberAdmin(member), chair.token(), TestTokens.secretariat())) {
            JsonNode seen = meetings(insider).get(0);
            assertThat(seen.get("onlineUrl").asText()).isEqualTo("https://meet.example.jp/bunkakai-secret");
            assertThat(seen.get("venue").asText()).isEqualTo("東京都千代田区霞が関1-2-2 会議室A");
        }
        Api.Response anonymous = api.get(base() + "/meetings").send();
        Api.Response otherOrganization = api.get(base() + "/meetings").token(TestTokens.memberAdmin(outsider)).send();
        Api.Response otherChair = api.get(base() + "/meetings").token(TestTokens.chair()).send();
        Api.Response publicFace = api.get(base()).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(otherOrganization.status()).isEqualTo(403);
        assertThat(otherChair.status()).isEqualTo(403);
        for (Api.Response refused : List.of(anonymous, otherOrganization, otherChair, publicFace)) {
            assertThat(refused.toString()).doesNotContain("bunkakai-secret");
        }
    }

    @Test
    void a_past_date_times_out_of_order_a_missing_reason_and_a_javascript_url_are_refused_naming_the_field() {
        aScheduledMeeting();
        long events = eventCount();
        String path = base() + "/meetings/" + meeting;

        Api.Response past = api.post(path + "/rescheduling").token(chair.token())
                               .body(Map.of("date", TODAY.minusDays(1).toString(), "reason", "前倒し")).send();
        Api.Response backwards = api.post(path + "/rescheduling").token(chair.token())
                                    .body(Map.of("date", TODAY.plusDays(17).toString(), "start", "16:00", "end", "14:00",
                                            "reason", "会場の都合により")).send();
        Api.Response noReason = api.post(path + "/cancellation").token(chair.token()).body(Map.of("reason", " ")).send();
        Api.Response script = api.put(path + "/place").token(chair.token())
                                 .body(Map.of("onlineUrl", "javascript:alert(1)")).send();

        assertThat(past.json().get("errors").findValuesAsText("field")).as(past.toString()).contains("date");
        assertThat(backwards.json().get("errors").findValuesAsText("field")).as(backwards.toString()).contains("end");
        assertThat(noReason.json().get("errors").findValuesAsText("field")).as(noReason.toString()).contains("reason");
        assertThat(script.json().get("errors").findValuesAsText("field")).as(script.toString()).contains("onlineUrl");
        for (Api.Response refused : List.of(past, backwards, noReason, script)) {
            assertThat(refused.status()).isEqualTo(400);
        }
        assertThat(eventCount()).as("events stored").isEqualTo(events);
    }

    @Test
    void a_meeting_of_another_subcommittee_is_not_found_through_this_one() {
        aScheduledMeeting();
        String other = new Subcommittees(api).create(member);
        awaitProjections();

        Api.Response elsewhere = api.post("/api/v1/subcommittees/" + other + "/meetings/" + meeting + "/cancellation")
                                    .token(TestTokens.secretariat()).body(Map.of("reason", "別の分科会から")).send();
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private com.icegreen.greenmail.util.GreenMail greenMail;

    @Test
    void scheduling_placing_rescheduling_and_cancelling_mail_each_member_contact_an_ics_with_a_rising_sequence() {
        aScheduledMeeting();
        String memberContact = primaryContactEmail(member);
        String leadContact = primaryContactEmail(lead);
        String outsiderContact = primaryContactEmail(outsider);
        String uid = "UID:meeting-" + meeting + "@kodoku-platform";

        List<String> scheduled = mailsTo(memberContact, uid, 1);
        assertThat(scheduled.get(0)).contains("会議のお知らせ", "METHOD:REQUEST", "SEQUENCE:0", "第5回 分科会");
        assertThat(mailsTo(leadContact, uid, 1).get(0)).contains("METHOD:REQUEST");

        assertThat(api.put(base() + "/meetings/" + meeting + "/place").token(chair.token())
                      .body(Map.of("onlineUrl", "https://meet.example.jp/bunkakai-mail")).send().status()).isEqualTo(200);
        assertThat(mailsTo(memberContact, uid, 2)).anySatisfy(m -> assertThat(m).contains("場所のお知らせ",
                "METHOD:REQUEST", "SEQUENCE:1", "https://meet.example.jp/bunkakai-mail"));
        assertThat(api.post(base() + "/meetings/" + meeting + "/rescheduling").token(chair.token())
                      .body(Map.of("date", TODAY.plusDays(17).toString(), "start", "10:00", "end", "12:00",
                              "reason", "会場の都合により")).send().status()).isEqualTo(200);
        List<String> rescheduled = mailsTo(memberContact, uid, 3);
        assertThat(rescheduled).anySatisfy(m -> assertThat(m).contains("日程変更のお知らせ", "会場の都合により",
                "METHOD:REQUEST", "SEQUENCE:2", "https://meet.example.jp/bunkakai-mail"));

        assertThat(api.post(base() + "/meetings/" + meeting + "/cancellation").token(chair.token())
                      .body(Map.of("reason", "台風の接近のため")).send().status()).isEqualTo(200);
        List<String> all = mailsTo(memberContact, uid, 4);
        assertThat(all).anySatisfy(m -> assertThat(m).contains("中止のお知らせ", "台風の接近のため", "METHOD:CANCEL",
                "STATUS:CANCELLED", "SEQUENCE:3"));
        for (String mail : all) {
            assertThat(mail).doesNotContain("ATTENDEE", leadContact, outsiderContact);
        }
        assertThat(mailsTo(leadContact, uid, 4)).allSatisfy(m -> assertThat(m).doesNotContain(memberContact));
        assertThat(mailsTo(outsiderContact, uid, 0)).isEmpty();
    }

    private String primaryContactEmail(String organizationId) {
        Api.Response organization = api.get("/api/v1/organizations/" + organizationId).token(TestTokens.secretariat()).send();
        assertThat(organization.status()).as(organization.toString()).isEqualTo(200);
        return organization.json().get("contacts").get(0).get("email").asText();
    }

    /** The decoded mails (headers, text and .ics) to one address about one meeting, once there are {@code count}. */
    private List<String> mailsTo(String address, String uid, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> found = new java.util.ArrayList<>();
            for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
                jakarta.mail.Address[] to = message.getAllRecipients();
                String text = Mailbox.text(message);
                if (to.length == 1 && to[0].toString().contains(address) && text.contains(uid)) {
                    found.add("Subject: " + message.getSubject() + "\n" + text);
                }
            }
            return found;
        }, found -> found.size() == count);
    }

    private String base() {
        return "/api/v1/subcommittees/" + subcommittee;
    }

    private JsonNode meetings(String token) {
        Api.Response listed = api.get(base() + "/meetings").token(token).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json();
    }
}
