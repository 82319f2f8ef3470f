package jp.kodoku.platform.events.api;

import java.time.LocalDate;

/**
 * Query: the unified calendar, events and subcommittee meetings together, as one view sees them, overlapping
 * {@code from}–{@code to} (Japan dates, both included), soonest first. Answers a list of {@link CalendarItem}.
 *
 * @param organizationId     the member organization the reader acts for (its subcommittees' meetings), or null
 * @param chairedSubcommittee the subcommittee the reader chairs (its meetings), or null
 * @param kind               only events of this kind, or null
 * @param meetingsOnly       only subcommittee meetings
 * @param prefectureCode     only what takes place in this prefecture (meetings name none, so none of them), or null
 */
public record ListCalendar(CalendarView view, String organizationId, String chairedSubcommittee, LocalDate from,
                           LocalDate to, EventKind kind, boolean meetingsOnly, String prefectureCode, int limit) {
}
