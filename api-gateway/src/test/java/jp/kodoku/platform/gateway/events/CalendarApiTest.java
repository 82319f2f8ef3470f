package jp.kodoku.platform.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unified calendar of events and subcommittee meetings through the HTTP API with real tokens: who sees what, the
 * filters, and every iCalendar feed parsed with ical4j as a calendar client reads it, through a reschedule and a
 * cancellation.
 */
class CalendarApiTest extends ApiTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** A subcommittee led by a fresh member, with one meeting {@code daysAhead} (times null: the whole day). */
    private record Setup(String organizationId, String subcommitteeId, String meetingId) {
    }

    private Setup subcommitteeWithMeeting(int daysAhead, String start, String end) {
        String organization = new Members(api).activeMember(Samples.application());
        String subcommittee = new Subcommittees(api).create(organization);
        awaitProjections();
        LocalDate day = LocalDate.now(JAPAN).plusDays(daysAhead);
        Map<String, Object> slot = start == null ? Map.of("date", day.toString())
                : Map.of("date", day.toString(), "start", start, "end", end);
        Api.Response opened = api.post("/api/v1/subcommittees/" + subcommittee + "/polls").token(TestTokens.secretariat())
                                 .body(Map.of("title", "第2回会合 日程調整", "deadline", LocalDate.now(JAPAN).plusDays(3) + "T17:00",
                                         "slots", List.of(slot))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        Api.Response confirmed = api.post("/api/v1/subcommittees/" + subcommittee + "/polls/" + poll + "/confirmation")
                                    .token(TestTokens.secretariat())
                                    .body(Map.of("slotId", opened.json().get("slotIds").get(0).asText())).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String meeting = MeetingId.fromPoll(new PollId(poll)).value();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids(api.get("/api/v1/calendar?kind=MEETING&from=" + day + "&to=" + day)
                                  .token(TestTokens.secretariat()).send())).contains(meeting));
        return new Setup(organization, subcommittee, meeting);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Calendar parse(Api.Response response) throws Exception {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.text()));
        assertThat(calendar.getComponents("VTIMEZONE")).as("a VTIMEZONE").hasSize(1);
        return calendar;
    }

    private static Optional<VEvent> entry(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                       .filter(e -> e.getProperty(Property.UID).map(Property::getValue).orElse("").equals(uid)).findFirst();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private String personalFeed(String bearer, Map<String, Object> request) {
        Api.Response issued = api.post("/api/v1/feed-tokens").token(bearer).body(request).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return URI.create(issued.json().get("url").asText()).getPath();
    }

    @Test
    void each_view_sees_its_events_and_meetings_public_the_public_ones_members_their_subcommittees_secretariat_all() {
        Setup setup = subcommitteeWithMeeting(20, "14:00", "16:00");
        Map<String, Object> details = with(workshop(30), "schedule", Map.of("startDate",
                LocalDate.now(JAPAN).plusDays(20).toString(), "startTime", "10:00", "endDate",
                LocalDate.now(JAPAN).plusDays(20).toString(), "endTime", "12:00"));
        String publicEvent = new Events(api).published(details);
        String assembly = new Events(api).published(with(details, "kind", "GENERAL_ASSEMBLY", "title", "令和8年度 総会"));
        awaitProjections();
        String day = LocalDate.now(JAPAN).plusDays(20).toString();
        String range = "/api/v1/calendar?from=" + day + "&to=" + day;

        List<String> anonymous = ids(api.get(range).send());
        List<String> memberOfIt = ids(api.get(range).token(TestTokens.memberAdmin(setup.organizationId())).send());
        List<String> otherMember = ids(api.get(range).token(TestTokens.memberAdmin(new Members(api)
                .activeMember(Samples.application()))).send());
        List<String> secretariat = ids(api.get(range).token(TestTokens.secretariat()).send());

        assertThat(anonymous).contains(publicEvent).doesNotContain(assembly, setup.meetingId());
        assertThat(memberOfIt).contains(publicEvent, assembly, setup.meetingId());
        assertThat(otherMember).contains(publicEvent, assembly).doesNotContain(setup.meetingId());
        assertThat(secretariat).contains(publicEvent, assembly, setup.meetingId());
    }

    @Test
    void the_calendar_filters_by_kind_meetings_included_and_by_prefecture_which_meetings_name_none_of() {
        Setup setup = subcommitteeWithMeeting(22, "14:00", "16:00");
        String day = LocalDate.now(JAPAN).plusDays(22).toString();
        String event = new Events(api).published(with(workshop(30), "schedule", Map.of("startDate", day, "endDate", day)));
        awaitProjections();
        String range = "/api/v1/calendar?from=" + day + "&to=" + day;
        String secretariat = TestTokens.secretariat();

        assertThat(ids(api.get(range + "&kind=MEETING").token(secretariat).send()))
                .contains(setup.meetingId()).doesNotContain(event);
        assertThat(ids(api.get(range + "&kind=WORKSHOP").token(secretariat).send()))
                .contains(event).doesNotContain(setup.meetingId());
        assertThat(ids(api.get(range + "&prefecture=13").token(secretariat).send()))
                .contains(event).doesNotContain(setup.meetingId());
        assertThat(ids(api.get(range + "&prefecture=27").token(secretariat).send())).doesNotContain(event);
        Api.Response month = api.get("/api/v1/calendar?month=" + day.substring(0, 7)).token(secretariat).send();
        assertThat(ids(month)).contains(event, setup.meetingId());
    }

    @Test
    void a_meeting_rescheduled_then_cancelled_reaches_the_members_feed_as_one_entry_with_a_rising_sequence() throws Exception {
        Setup setup = subcommitteeWithMeeting(25, "14:00", "16:00");
        String admin = TestTokens.memberAdmin(setup.organizationId());
        String personal = personalFeed(admin, Map.of("feed", "calendar"));
        String members = personalFeed(admin, Map.of("feed", "subcommittee-meetings", "scope", setup.subcommitteeId()));
        String uid = "meeting-" + setup.meetingId() + "@kodoku-platform";
        String meeting = "/api/v1/subcommittees/" + setup.subcommitteeId() + "/meetings/" + setup.meetingId();

        VEvent first = entry(parse(api.get(members).send()), uid).orElseThrow();
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(first, Property.URL)).endsWith("/api/v1/subcommittees/" + setup.subcommitteeId() + "/meetings");
        assertThat(value(first, Property.DESCRIPTION)).endsWith(value(first, Property.URL));
        assertThat(entry(parse(api.get("/api/v1/subcommittees/" + setup.subcommitteeId() + "/meetings.ics").send()), uid))
                .as("a members-only meeting in the public feed").isEmpty();

        LocalDate later = LocalDate.now(JAPAN).plusDays(27);
        Api.Response moved = api.post(meeting + "/rescheduling").token(TestTokens.secretariat())
                                .body(Map.of("date", later.toString(), "start", "10:00", "end", "12:00",
                                        "reason", "会場の都合により")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            VEvent rescheduled = entry(parse(api.get(members).send()), uid).orElseThrow();
            assertThat(Integer.parseInt(value(rescheduled, Property.SEQUENCE)))
                    .isGreaterThan(Integer.parseInt(value(first, Property.SEQUENCE)));
            assertThat(((ZonedDateTime) rescheduled.getDateTimeStart().getDate()).toInstant())
                    .isEqualTo(later.atTime(10, 0).atZone(JAPAN).toInstant());
            assertThat(value(rescheduled, Property.DESCRIPTION)).contains("会場の都合により");
        });
        VEvent rescheduled = entry(parse(api.get(members).send()), uid).orElseThrow();

        Api.Response cancelled = api.post(meeting + "/cancellation").token(TestTokens.secretariat())
                                    .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String feed : List.of(members, personal)) {
                Calendar calendar = parse(api.get(feed).send());
                assertThat(calendar.<VEvent>getComponents("VEVENT").stream()
                                   .filter(e -> uid.equals(value(e, Property.UID)))).hasSize(1);
                VEvent gone = entry(calendar, uid).orElseThrow();
                assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
                assertThat(Integer.parseInt(value(gone, Property.SEQUENCE)))
                        .isGreaterThan(Integer.parseInt(value(rescheduled, Property.SEQUENCE)));
            }
        });
    }

    @Test
    void an_event_rescheduled_then_cancelled_reaches_the_public_and_personal_feeds_with_a_rising_sequence() throws Exception {
        String event = new Events(api).published(workshop(30));
        awaitProjections();
        String personal = personalFeed(TestTokens.secretariat(), Map.of("feed", "calendar"));
        String uid = "event-" + event + "@kodoku-platform";
        List<String> feeds = List.of("/api/v1/calendar.ics", personal, "/api/v1/events.ics", "/api/v1/events/" + event + ".ics");
        List<Integer> before = new ArrayList<>();
        for (String feed : feeds) {
            VEvent e = entry(parse(api.get(feed).send()), uid).orElseThrow(() -> new AssertionError(feed));
            assertThat(value(e, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(value(e, Property.URL)).endsWith("/api/v1/events/" + event);
            assertThat(value(e, Property.DESCRIPTION)).endsWith(value(e, Property.URL));
            before.add(Integer.parseInt(value(e, Property.SEQUENCE)));
        }
        JsonNode read = api.get("/api/v1/events/" + event).token(TestTokens.secretariat()).send().json();
        LocalDate later = LocalDate.now(JAPAN).plusMonths(1).plusDays(3);
        Api.Response moved = api.post("/api/v1/events/" + event + "/rescheduling").token(TestTokens.secretariat())
                                .header("If-Match", "\"" + read.get("version").asText() + "\"")
                                .body(Map.of("schedule", Map.of("startDate", later.toString(), "startTime", "13:00",
                                        "endDate", later.toString(), "endTime", "15:00"), "reason", "講師の都合により")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Api.Response cancelled = api.post("/api/v1/events/" + event + "/cancellation").token(TestTokens.secretariat())
                                    .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < feeds.size(); i++) {
                VEvent e = entry(parse(api.get(feeds.get(i)).send()), uid).orElseThrow();
                assertThat(value(e, Property.STATUS)).as(feeds.get(i)).isEqualTo("CANCELLED");
                assertThat(Integer.parseInt(value(e, Property.SEQUENCE))).as(feeds.get(i)).isGreaterThan(before.get(i));
                assertThat(((ZonedDateTime) e.getDateTimeStart().getDate()).toInstant())
                        .isEqualTo(later.atTime(13, 0).atZone(JAPAN).toInstant());
            }
        });
    }

    @Test
    void a_whole_day_meeting_and_a_multi_day_event_are_date_values() throws Exception {
        Setup setup = subcommitteeWithMeeting(30, null, null);
        LocalDate first = LocalDate.now(JAPAN).plusDays(40);
        String event = new Events(api).published(with(workshop(30), "schedule", Map.of("startDate", first.toString(),
                "endDate", first.plusDays(2).toString())));
        awaitProjections();
        String feed = personalFeed(TestTokens.secretariat(), Map.of("feed", "calendar"));

        Calendar calendar = parse(api.get(feed).send());

        VEvent meeting = entry(calendar, "meeting-" + setup.meetingId() + "@kodoku-platform").orElseThrow();
        assertThat(meeting.getDateTimeStart().getDate()).isEqualTo(LocalDate.now(JAPAN).plusDays(30));
        assertThat(meeting.getDateTimeEnd().getDate()).isEqualTo(LocalDate.now(JAPAN).plusDays(31));
        VEvent days = entry(calendar, "event-" + event + "@kodoku-platform").orElseThrow();
        assertThat(days.getDateTimeStart().getDate()).isEqualTo(first);
        assertThat(days.getDateTimeEnd().getDate()).isEqualTo(first.plusDays(3));
    }

    @Test
    void only_a_subcommittees_insiders_subscribe_to_all_its_meetings_and_leaving_ends_the_feed() throws Exception {
        Setup setup = subcommitteeWithMeeting(33, "14:00", "16:00");
        String outsider = TestTokens.memberAdmin(new Members(api).activeMember(Samples.application()));
        Api.Response refused = api.post("/api/v1/feed-tokens").token(outsider)
                                  .body(Map.of("feed", "subcommittee-meetings", "scope", setup.subcommitteeId())).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);

        String joiner = new Members(api).activeMember(Samples.application());
        Api.Response added = api.post("/api/v1/subcommittees/" + setup.subcommitteeId() + "/members")
                                .token(TestTokens.secretariat()).body(Map.of("organizationId", joiner)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        awaitProjections();
        String feed = personalFeed(TestTokens.memberAdmin(joiner),
                Map.of("feed", "subcommittee-meetings", "scope", setup.subcommitteeId()));
        assertThat(entry(parse(api.get(feed).send()), "meeting-" + setup.meetingId() + "@kodoku-platform")).isPresent();

        Api.Response removed = api.post("/api/v1/subcommittees/" + setup.subcommitteeId() + "/members/" + joiner + "/removal")
                                  .token(TestTokens.secretariat()).body(Map.of("reason", "本人の申出")).send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get(feed).send().status()).isEqualTo(404));
    }
}
