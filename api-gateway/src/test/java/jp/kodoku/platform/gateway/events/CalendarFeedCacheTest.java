package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.CalendarView;
import jp.kodoku.platform.events.api.RenderCalendarIcs;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.web.Queries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calendar feeds are kept per feed and per version of the calendar (ADR 0041): a client that sends back the ETag
 * gets a 304 until something changes, a change is in the next answer, and a kept feed is never served to a reader
 * whose view differs from the one it was rendered for.
 */
class CalendarFeedCacheTest extends ApiTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    Queries queries;

    private static String uid(String event) {
        return "UID:event-" + event + "@kodoku-platform";
    }

    @Test
    void a_feed_answers_304_to_its_etag_until_an_event_changes_then_the_changed_feed() {
        String event = new Events(api).published(workshop(30));
        awaitProjections();
        Api.Response first = api.get("/api/v1/events.ics").send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text()).contains(uid(event));
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(first.headers().entrySet()).filteredOn(h -> "Vary".equalsIgnoreCase(h.getKey()))
                                             .flatMap(Map.Entry::getValue).contains("Authorization");

        Api.Response again = api.get("/api/v1/events.ics").header("If-None-Match", first.etag()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(304);
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.text()).isEmpty();

        Api.Response cancelled = api.post("/api/v1/events/" + event + "/cancellation").token(TestTokens.secretariat())
                                    .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response changed = api.get("/api/v1/events.ics").header("If-None-Match", first.etag()).send();
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.etag()).isNotEqualTo(first.etag());
            assertThat(changed.text()).contains("台風の接近のため");
        });
    }

    @Test
    void a_members_only_event_never_reaches_a_public_feed_even_when_a_member_read_the_feed_first() {
        String day = LocalDate.now(JAPAN).plusDays(45).toString();
        String assembly = new Events(api).published(with(workshop(30), "kind", "GENERAL_ASSEMBLY",
                "title", "令和8年度 総会（会員限定）", "visibility", "MEMBERS_ONLY",
                "schedule", Map.of("startDate", day, "startTime", "13:00", "endDate", day, "endTime", "15:00")));
        awaitProjections();
        String member = TestTokens.memberAdmin(new Members(api).activeMember(Samples.application()));

        for (String feed : List.of("/api/v1/calendar.ics", "/api/v1/events.ics")) {
            Api.Response members = api.get(feed).token(member).send();
            Api.Response secretariat = api.get(feed).token(TestTokens.secretariat()).send();
            Api.Response anonymous = api.get(feed).send();
            Api.Response withMembersEtag = api.get(feed).header("If-None-Match", members.etag()).send();

            assertThat(members.text()).as(feed).contains(uid(assembly));
            assertThat(members.header("Cache-Control")).as(feed).isEqualTo("no-cache, private");
            assertThat(secretariat.text()).as(feed).contains(uid(assembly));
            assertThat(anonymous.status()).as(feed).isEqualTo(200);
            assertThat(anonymous.text()).as(feed).doesNotContain(uid(assembly));
            assertThat(anonymous.etag()).as(feed).isNotEqualTo(members.etag()).isNotEqualTo(secretariat.etag());
            assertThat(withMembersEtag.status()).as("a member's ETag opens no public 304: " + feed).isEqualTo(200);
            assertThat(withMembersEtag.text()).as(feed).doesNotContain(uid(assembly));
        }
    }

    @Test
    void a_personal_feed_is_private_answers_304_and_serves_nothing_once_revoked() {
        String admin = TestTokens.memberAdmin(new Members(api).activeMember(Samples.application()));
        Api.Response issued = api.post("/api/v1/feed-tokens").token(admin).body(Map.of("feed", "calendar")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String feed = URI.create(issued.json().get("url").asText()).getPath();

        Api.Response first = api.get(feed).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache, private");
        assertThat(api.get(feed).header("If-None-Match", first.etag()).send().status()).isEqualTo(304);

        Api.Response revoked = api.delete("/api/v1/feed-tokens/" + issued.json().get("id").asText()).token(admin).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        assertThat(api.get(feed).header("If-None-Match", first.etag()).send().status()).isEqualTo(404);
        assertThat(api.get(feed).send().status()).isEqualTo(404);
    }

    @Test
    void the_kept_feeds_stay_within_the_size_given_the_least_recently_served_dropped_first() {
        new Events(api).published(workshop(30));
        awaitProjections();
        LocalDate today = LocalDate.now(JAPAN);
        RenderCalendarIcs widest = new RenderCalendarIcs(CalendarView.SECRETARIAT, today, today.plusYears(1), null, null);
        long largest = queries.one(widest, String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        DataSize room = DataSize.ofBytes(3 * largest + largest / 2);
        CalendarFeedCache small = new CalendarFeedCache(queries, room);
        CalendarFeedCache.Answer answer = new CalendarFeedCache.Answer("events.ics", CalendarFeedCache.PUBLIC, false);

        for (int day = 0; day < 10; day++) {
            RenderCalendarIcs feed = new RenderCalendarIcs(CalendarView.SECRETARIAT, today.plusDays(day),
                    today.plusYears(1), null, null);
            assertThat(small.serve(feed, answer, null, () -> queries.one(feed, String.class)).getStatusCode().value())
                    .isEqualTo(200);
            assertThat(small.size()).isPositive().isLessThanOrEqualTo(room.toBytes());
        }
    }
}
