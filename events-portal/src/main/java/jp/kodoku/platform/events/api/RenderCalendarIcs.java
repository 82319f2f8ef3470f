package jp.kodoku.platform.events.api;

import java.time.LocalDate;

/**
 * Query: the iCalendar file (RFC 5545) of a view's events overlapping {@code from}–{@code to}, optionally of one kind
 * and in one prefecture. Answers the text of the file.
 */
public record RenderCalendarIcs(CalendarView view, LocalDate from, LocalDate to, EventKind kind, String prefectureCode) {
}
