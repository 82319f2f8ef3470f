package jp.kodoku.platform.infra.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One event of an iCalendar file (a meeting, a workshop), as {@link IcsCalendar} writes it.
 *
 * @param uid       stable for the life of the event (e.g. "meeting-M-12@kodoku-platform"): a calendar client replaces
 *                  the event with the same UID instead of adding a second one
 * @param sequence  raised on every change the attendees should see (RFC 5546): the event's version works
 * @param cancelled written as {@code STATUS:CANCELLED}, otherwise {@code STATUS:CONFIRMED}
 * @param page      the event's page: in {@code URL} and, as clients ignore that, at the end of {@code DESCRIPTION}
 * @param location  a venue's address or "オンライン"; null for none
 * @param changedAt when the event last changed ({@code DTSTAMP} and {@code LAST-MODIFIED}): a feed written twice with
 *                  no change is the same text
 * @param time      {@link Timed} in Asia/Tokyo, or {@link WholeDays}
 */
public record CalendarEntry(String uid, int sequence, boolean cancelled, String title, String description, URI page,
                            String location, Instant changedAt, Time time) {

    public CalendarEntry {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("an event needs a UID");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("SEQUENCE is never negative");
        }
    }

    /** When the event takes place. */
    public sealed interface Time permits Timed, WholeDays {
    }

    /** From start to end, local times in Asia/Tokyo. */
    public record Timed(LocalDateTime start, LocalDateTime end) implements Time {
        public Timed {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("an event ends after it starts");
            }
        }
    }

    /** Whole days, {@code first} to {@code last} inclusive (written as DATE values, the end exclusive: RFC 5545). */
    public record WholeDays(LocalDate first, LocalDate last) implements Time {
        public WholeDays {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("the last day is not before the first");
            }
        }
    }
}
