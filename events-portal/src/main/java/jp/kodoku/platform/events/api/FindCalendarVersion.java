package jp.kodoku.platform.events.api;

/**
 * Query: the calendar's version, a text that changes whenever anything its lists and feeds show may have changed (an
 * event, a registration, a meeting, a subcommittee's members), whichever node projected the change. Two reads that
 * answer the same version see the same documents. Answers a {@code String}.
 */
public record FindCalendarVersion() {
}
