package jp.kodoku.platform.subcommittees.api;

/** One revision with its text: {@link MinutesRevision}, or empty. */
public record FindMinutesRevision(SubcommitteeId subcommitteeId, MeetingId meetingId, int revision) {
}
