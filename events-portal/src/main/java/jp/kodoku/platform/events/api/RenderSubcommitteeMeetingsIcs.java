package jp.kodoku.platform.events.api;

/**
 * Query: a subcommittee's meetings as an iCalendar feed: all of them for its members ({@code membersView}), else only
 * its public meetings. Answers the file's text, or empty for a subcommittee the calendar does not know.
 */
public record RenderSubcommitteeMeetingsIcs(String subcommitteeId, boolean membersView) {
}
