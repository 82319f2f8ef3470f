package jp.kodoku.platform.gateway.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the events tests: an event's settings as the API takes them, create and publish, register. */
public final class Events {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Api api;

    public Events(Api api) {
        this.api = api;
    }

    /** A workshop a month ahead, in 千代田区 and online, registrations open now, up to 3 seats each. */
    public static Map<String, Object> workshop(Integer capacity) {
        LocalDate day = LocalDate.now(JAPAN).plusMonths(1);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("capacity", capacity);
        registration.put("opensAt", LocalDateTime.now(JAPAN).minusDays(1).withNano(0).withSecond(0).toString());
        registration.put("seatLimit", 3);
        registration.put("reminderDaysBefore", 3);
        registration.put("reminderHoursBefore", 2);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "WORKSHOP");
        d.put("title", "孤独・孤立に関する現場課題ワークショップ「居場所の多様性」");
        d.put("description", "実務者が日々の実践から感じる課題と対応策を話し合います。\n当日は対面とオンラインで開催します。");
        d.put("secretariatOrganizes", true);
        d.put("organizerOrganizations", List.of());
        d.put("schedule", Map.of("startDate", day.toString(), "startTime", "13:30", "endDate", day.toString(),
                "endTime", "16:30"));
        d.put("venue", Map.of("name", "中央合同庁舎8号館 講堂", "address", "東京都千代田区永田町1-6-1", "prefectureCode", "13"));
        d.put("onlineUrl", "https://meet.example.jp/workshop");
        d.put("visibility", "PUBLIC");
        d.put("registration", registration);
        return d;
    }

    /** The workshop with one seat, taken one at a time: full after the first registration. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> oneSeat() {
        Map<String, Object> details = workshop(1);
        Map<String, Object> registration = new LinkedHashMap<>((Map<String, Object>) details.get("registration"));
        registration.put("seatLimit", 1);
        return with(details, "registration", registration);
    }

    public static Map<String, Object> with(Map<String, Object> details, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(details);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    /** Creates the event as a draft; returns its id. */
    public String draft(Map<String, Object> details) {
        Api.Response created = api.post("/api/v1/events").token(TestTokens.secretariat()).body(details).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("eventId").asText();
    }

    /** Creates and publishes; returns the event's id. */
    public String published(Map<String, Object> details) {
        String id = draft(details);
        Api.Response published = api.post("/api/v1/events/" + id + "/publication").token(TestTokens.secretariat()).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    /** A member admin registers its staff; returns the response (201, confirmed or waitlisted). */
    public Api.Response register(String eventId, String memberAdminToken, int seats) {
        Api.Response registered = api.post("/api/v1/events/" + eventId + "/registrations").token(memberAdminToken)
                                     .body(Map.of("seats", seats)).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }
}
