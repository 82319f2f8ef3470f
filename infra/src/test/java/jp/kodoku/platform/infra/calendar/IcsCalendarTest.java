package jp.kodoku.platform.infra.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a calendar client reads from the platform's iCalendar files, parsed back with ical4j. */
class IcsCalendarTest {

    private static final Instant CHANGED = Instant.parse("2026-11-20T05:30:00Z");
    private static final URI MEETING_PAGE = URI.create("https://kodoku.example.jp/subcommittees/3/meetings/4");

    private static CalendarEntry meeting(int sequence, boolean cancelled) {
        return new CalendarEntry("meeting-4@kodoku-platform", sequence, cancelled, "分科会3 第4回会合",
                                 "議題: 中間整理のとりまとめ", MEETING_PAGE, "東京都千代田区霞が関1-1-1 会議室A", CHANGED,
                                 new CalendarEntry.Timed(LocalDateTime.of(2026, 12, 3, 14, 0), LocalDateTime.of(2026, 12, 3, 16, 30)));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void a_feed_is_published_with_a_tokyo_time_zone_and_the_event_in_tokyo_time() throws Exception {
        Calendar calendar = parse(IcsCalendar.publish("分科会3").add(meeting(0, false)).toIcs());

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Tokyo");

        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("meeting-4@kodoku-platform");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("分科会3 第4回会合");
        assertThat(value(event, Property.LOCATION)).isEqualTo("東京都千代田区霞が関1-1-1 会議室A");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
                .isEqualTo("Asia/Tokyo");
        assertThat(((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant()).isEqualTo(
                ZonedDateTime.of(2026, 12, 3, 14, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(((ZonedDateTime) event.getDateTimeEnd().getDate()).toInstant()).isEqualTo(
                ZonedDateTime.of(2026, 12, 3, 16, 30, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261120T053000Z");
    }

    @Test
    void the_page_link_is_in_url_and_at_the_end_of_the_description() throws Exception {
        VEvent event = (VEvent) parse(IcsCalendar.publish("分科会3").add(meeting(0, false)).toIcs())
                .getComponent("VEVENT").orElseThrow();

        assertThat(value(event, Property.URL)).isEqualTo(MEETING_PAGE.toString());
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("議題: 中間整理のとりまとめ\n\n" + MEETING_PAGE);
    }

    @Test
    void a_cancellation_keeps_the_uid_raises_the_sequence_and_says_cancelled() throws Exception {
        Calendar calendar = parse(IcsCalendar.cancel().add(meeting(2, true)).toIcs());

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("meeting-4@kodoku-platform");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void an_invitation_is_a_request() throws Exception {
        Calendar calendar = parse(IcsCalendar.request().add(meeting(1, false)).toIcs());

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    }

    @Test
    void whole_days_are_date_values_with_the_end_the_day_after_the_last() throws Exception {
        CalendarEntry campaign = new CalendarEntry("campaign-2027-05@kodoku-platform", 0, false, "孤独・孤立対策強化月間",
                                                   null, URI.create("https://kodoku.example.jp/events/campaign-2027-05"),
                                                   null, CHANGED,
                                                   new CalendarEntry.WholeDays(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 31)));

        String ics = IcsCalendar.publish("イベント").add(campaign).toIcs();
        VEvent event = (VEvent) parse(ics).getComponent("VEVENT").orElseThrow();

        assertThat(ics).contains("DTSTART;VALUE=DATE:20270501").contains("DTEND;VALUE=DATE:20270601");
        assertThat(event.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(event.getDateTimeEnd().getDate()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(value(event, Property.DESCRIPTION)).as("only the link").isEqualTo("https://kodoku.example.jp/events/campaign-2027-05");
        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
    }

    @Test
    void no_attendee_or_organizer_address_is_ever_written() throws Exception {
        String ics = IcsCalendar.request().add(meeting(1, false)).add(meeting(1, false)).toIcs();

        assertThat(ics).doesNotContain("ATTENDEE").doesNotContain("ORGANIZER").doesNotContain("mailto:");
    }

    @Test
    void the_text_has_crlf_line_ends_and_long_japanese_lines_are_folded_at_75_octets() throws Exception {
        CalendarEntry longTitle = new CalendarEntry("long@kodoku-platform", 0, false,
                                                    "つながりサポーター養成講座(子ども・若者向け)第3期 オンライン開催のご案内と参加申込方法について",
                                                    null, null, null, CHANGED,
                                                    new CalendarEntry.WholeDays(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 10)));

        String ics = IcsCalendar.publish("講座").add(longTitle).toIcs();

        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        assertThat(parse(ics).getComponent("VEVENT").orElseThrow().getProperty(Property.SUMMARY).orElseThrow().getValue())
                .as("unfolded by the reader into the whole title")
                .isEqualTo("つながりサポーター養成講座(子ども・若者向け)第3期 オンライン開催のご案内と参加申込方法について");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void the_same_entries_give_the_same_text() {
        assertThat(IcsCalendar.publish("分科会3").add(meeting(3, false)).toIcs())
                .isEqualTo(IcsCalendar.publish("分科会3").add(meeting(3, false)).toIcs());
    }

    @Test
    void an_event_must_end_after_it_starts() {
        assertThatThrownBy(() -> new CalendarEntry.Timed(LocalDateTime.of(2026, 12, 3, 16, 0), LocalDateTime.of(2026, 12, 3, 14, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarEntry.WholeDays(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
