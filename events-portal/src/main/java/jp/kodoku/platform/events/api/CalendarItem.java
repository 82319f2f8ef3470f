package jp.kodoku.platform.events.api;

import java.time.Instant;

/**
 * One entry of the unified calendar: an event or a subcommittee meeting. Never an online URL (the calendar is read by
 * many; registered people and a subcommittee's members find it where they are entitled to).
 *
 * @param type             {@code EVENT} or {@code MEETING}
 * @param id               the event's or the meeting's id
 * @param description      the event's description; null for a meeting
 * @param kind             the event's kind; null for a meeting
 * @param subcommitteeId   the meeting's subcommittee; null for an event
 * @param status           the event's {@link EventStatus} or the meeting's status ({@code SCHEDULED}, {@code RESCHEDULED},
 *                         {@code CANCELLED}) by name
 * @param place            venue (name and address) or null
 * @param publicEntry      whether the public sees it
 * @param page             where to read more (path under the platform's base URL)
 * @param sequence         the iCalendar SEQUENCE: raised by every change a calendar client should see
 */
public record CalendarItem(String type, String id, String title, String description, EventKind kind, String subcommitteeId,
                           String subcommitteeTitle, Schedule schedule, String status, String statusReason,
                           String place, String prefectureCode, boolean online, boolean publicEntry, String page,
                           int sequence, Instant changedAt) {

    public static final String EVENT = "EVENT";
    public static final String MEETING = "MEETING";
}
