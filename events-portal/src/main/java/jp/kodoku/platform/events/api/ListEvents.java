package jp.kodoku.platform.events.api;

import java.time.LocalDate;

/** Query: the events a view may see that overlap the dates {@code from}–{@code to} (Japan dates, both included), soonest first; optionally of one kind and in one prefecture. Answers a list of {@link EventSummary}. */
public record ListEvents(CalendarView view, LocalDate from, LocalDate to, EventKind kind, String prefectureCode, int limit) {
}
