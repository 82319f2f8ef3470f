package jp.kodoku.platform.subcommittees.api;

/** Two revisions compared line by line: {@link MinutesComparison}, or empty when either is missing. */
public record CompareMinutesRevisions(SubcommitteeId subcommitteeId, MeetingId meetingId, int from, int to) {
}
