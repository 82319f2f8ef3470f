package jp.kodoku.platform.events;

import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.infra.calendar.CalendarEntry;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;

/**
 * One event as an iCalendar entry, the same in the calendar feeds and in the mails: its UID is stable for the event's
 * life, its SEQUENCE is the event's version (raised by every change), a cancelled event is {@code STATUS:CANCELLED},
 * whole-day and multi-day events are DATE values. Shared by the calendar and the mails, so it lives in the module's
 * own package.
 */
public final class EventIcs {

    private EventIcs() {
    }

    public static CalendarEntry entry(String eventId, long version, boolean cancelled, String title, String description,
                                      Schedule schedule, String location, URI page, Instant changedAt) {
        CalendarEntry.Time time = schedule.wholeDay()
                ? new CalendarEntry.WholeDays(schedule.startDate(), schedule.endDate())
                : new CalendarEntry.Timed(schedule.startDate().atTime(schedule.startTime()),
                        schedule.endDate().atTime(schedule.endTime() == null ? LocalTime.MAX : schedule.endTime()));
        return new CalendarEntry("event-" + eventId + "@kodoku-platform", (int) Math.max(0, version), cancelled, title,
                description, page, location, changedAt, time);
    }

    /** The event's page (the API's resource until the web pages exist). */
    public static URI page(String baseUrl, String eventId) {
        return URI.create(baseUrl + "/api/v1/events/" + eventId);
    }
}
