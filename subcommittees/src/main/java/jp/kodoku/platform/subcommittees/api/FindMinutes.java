package jp.kodoku.platform.subcommittees.api;

/** A meeting's minutes: {@link MinutesDetails}, or empty. */
public record FindMinutes(SubcommitteeId subcommitteeId, MeetingId meetingId) {
}
