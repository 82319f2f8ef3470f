package jp.kodoku.platform.gateway.subcommittees;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Date polls (日程調整) through the HTTP API: a chair's poll, members' answers, the table, slot edits, confirmation. */
class DatePollsTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private String lead;
    private String member;
    private String outsider;
    private String subcommittee;
    private Subcommittees.Chair chair;

    private void aSubcommitteeWithTwoMembersAndAnOutsider() {
        Members members = new Members(api);
        Subcommittees subcommittees = new Subcommittees(api);
        lead = members.activeMember(Samples.application());
        member = members.activeMember(Samples.application());
        outsider = members.activeMember(Samples.application());
        subcommittee = subcommittees.create(lead);
        chair = subcommittees.appointChair(subcommittee, lead);
        assertThat(subcommittees.post(subcommittee, "/members", chair.token(), Map.of("organizationId", member)).status())
                .isEqualTo(200);
        awaitProjections();
    }

    private JsonNode open() {
        Api.Response opened = api.post(polls()).token(chair.token())
                                 .body(Map.of("title", "第5回 日程調整", "deadline", TODAY.plusDays(5) + "T17:00",
                                         "slots", List.of(
                                                 Map.of("date", TODAY.plusDays(10).toString(), "start", "14:00", "end", "16:00"),
                                                 Map.of("date", TODAY.plusDays(11).toString(), "start", "10:00", "end", "12:00"),
                                                 Map.of("date", TODAY.plusDays(12).toString())))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    @Test
    void the_chair_sees_the_counts_per_slot_every_answer_and_who_has_not_answered() {
        aSubcommitteeWithTwoMembersAndAnOutsider();
        JsonNode poll = open();
        String a = slot(poll, 0), b = slot(poll, 1), c = slot(poll, 2);

        Api.Response answered = answer(poll, member, Map.of(a, Map.of("choice", "YES"),
                b, Map.of("choice", "MAYBE", "comment", "午前は電話相談の当番です"), c, Map.of("choice", "NO")));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode table = table(poll, chair.token());
        assertThat(table.get("status").asText()).isEqualTo("OPEN");
        assertThat(counts(table)).containsExactly("1/0/0", "0/1/0", "0/0/1");
        assertThat(table.get("answers").get(0).get("organization").get("id").asText()).isEqualTo(member);
        assertThat(table.get("answers").get(0).get("answers").get(b).get("comment").asText()).isEqualTo("午前は電話相談の当番です");
        assertThat(table.get("notAnswered")).hasSize(1);
        assertThat(table.get("notAnswered").get(0).get("id").asText()).isEqualTo(lead);
        assertThat(table.get("notAnswered").get(0).get("name").asText()).startsWith("こども居場所ネットワーク");
    }

    @Test
    void answers_survive_adding_moving_and_removing_other_slots() {
        aSubcommitteeWithTwoMembersAndAnOutsider();
        JsonNode poll = open();
        String a = slot(poll, 0), b = slot(poll, 1), c = slot(poll, 2);
        assertThat(answer(poll, member, Map.of(a, Map.of("choice", "YES"), b, Map.of("choice", "NO"),
                c, Map.of("choice", "MAYBE"))).status()).isEqualTo(200);

        Api.Response added = api.post(pollPath(poll) + "/slots").token(chair.token())
                                .body(Map.of("date", TODAY.plusDays(13).toString())).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.put(pollPath(poll) + "/slots/" + b).token(chair.token())
                      .body(Map.of("date", TODAY.plusDays(14).toString(), "start", "13:00", "end", "15:00")).send().status())
                .isEqualTo(200);
        assertThat(api.delete(pollPath(poll) + "/slots/" + c).token(chair.token()).send().status()).isEqualTo(200);
        awaitProjections();

        JsonNode table = table(poll, TestTokens.memberAdmin(member));
        JsonNode mine = table.get("answers").get(0).get("answers");
        assertThat(mine.get(a).get("choice").asText()).as("the untouched slot keeps its answer").isEqualTo("YES");
        assertThat(mine.has(b)).as("the moved slot's answer was for another time").isFalse();
        assertThat(mine.has(c)).as("the removed slot").isFalse();
        List<String> slotIds = new ArrayList<>();
        table.get("slots").forEach(s -> slotIds.add(s.get("slot").get("slotId").asText()));
        assertThat(slotIds).containsExactly(a, b, added.json().get("slotId").asText());
    }

    @Test
    void only_member_organizations_answer_and_the_chair_of_another_subcommittee_sees_nothing() {
        aSubcommitteeWithTwoMembersAndAnOutsider();
        JsonNode poll = open();
        String a = slot(poll, 0);

        Api.Response outside = api.put(pollPath(poll) + "/answers/" + outsider).token(TestTokens.memberAdmin(outsider))
                                  .body(Map.of("answers", Map.of(a, Map.of("choice", "YES")))).send();
        assertThat(outside.status()).as(outside.toString()).isEqualTo(409);
        Api.Response forAnother = api.put(pollPath(poll) + "/answers/" + member).token(TestTokens.memberAdmin(outsider))
                                     .body(Map.of("answers", Map.of(a, Map.of("choice", "YES")))).send();
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(api.get(pollPath(poll)).token(TestTokens.chair()).send().status()).isEqualTo(403);
        assertThat(api.get(pollPath(poll)).token(TestTokens.memberAdmin(outsider)).send().status()).isEqualTo(403);
    }

    @Test
    void the_chair_confirms_a_slot_the_poll_takes_no_more_answers_and_the_meeting_is_scheduled() {
        aSubcommitteeWithTwoMembersAndAnOutsider();
        JsonNode poll = open();
        String a = slot(poll, 0);

        Api.Response confirmed = api.post(pollPath(poll) + "/confirmation").token(chair.token())
                                    .body(Map.of("slotId", a)).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(answer(poll, member, Map.of(a, Map.of("choice", "YES"))).status()).isEqualTo(409);
        awaitProjections();
        JsonNode table = table(poll, chair.token());
        assertThat(table.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(table.get("confirmedSlotId").asText()).isEqualTo(a);

        // the confirmed slot schedules the meeting (a processor of its own, so it may take a moment)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode meetings = api.get("/api/v1/subcommittees/" + subcommittee + "/meetings").token(TestTokens.memberAdmin(member))
                                   .send().json();
            assertThat(meetings).hasSize(1);
            assertThat(meetings.get(0).get("title").asText()).isEqualTo("第5回 日程調整");
            assertThat(meetings.get(0).get("date").asText()).isEqualTo(TODAY.plusDays(10).toString());
            assertThat(meetings.get(0).get("start").asText()).startsWith("14:00");
            assertThat(meetings.get(0).get("fromPollId").asText()).isEqualTo(poll.get("pollId").asText());
        });
    }

    @Test
    void a_slot_in_the_past_and_dates_out_of_order_are_refused_naming_the_field() {
        aSubcommitteeWithTwoMembersAndAnOutsider();
        long events = eventCount();

        Api.Response past = api.post(polls()).token(chair.token())
                               .body(Map.of("title", "日程調整", "deadline", TODAY.plusDays(1) + "T17:00",
                                       "slots", List.of(Map.of("date", TODAY.minusDays(1).toString())))).send();
        Api.Response backwards = api.post(polls()).token(chair.token())
                                    .body(Map.of("title", "日程調整", "deadline", TODAY.plusDays(1) + "T17:00",
                                            "slots", List.of(Map.of("date", TODAY.plusDays(3).toString(),
                                                    "start", "16:00", "end", "14:00")))).send();

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").findValuesAsText("field")).contains("slots[0].date");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsText("field")).contains("slots[0].end");
        assertThat(eventCount()).isEqualTo(events);
    }

    private Api.Response answer(JsonNode poll, String organization, Map<String, Object> answers) {
        return api.put(pollPath(poll) + "/answers/" + organization).token(TestTokens.memberAdmin(organization))
                  .body(Map.of("answers", answers)).send();
    }

    private JsonNode table(JsonNode poll, String token) {
        Api.Response table = api.get(pollPath(poll)).token(token).send();
        assertThat(table.status()).as(table.toString()).isEqualTo(200);
        return table.json();
    }

    private static List<String> counts(JsonNode table) {
        List<String> counts = new ArrayList<>();
        table.get("slots").forEach(s -> counts.add(s.get("yes").asInt() + "/" + s.get("maybe").asInt() + "/" + s.get("no").asInt()));
        return counts;
    }

    private static String slot(JsonNode poll, int index) {
        return poll.get("slotIds").get(index).asText();
    }

    private String polls() {
        return "/api/v1/subcommittees/" + subcommittee + "/polls";
    }

    private String pollPath(JsonNode poll) {
        return polls() + "/" + poll.get("pollId").asText();
    }
}
