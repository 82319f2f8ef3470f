package jp.kodoku.platform.subcommittees.api;

/** A subcommittee's meetings by date: {@link MeetingSummary}s. */
public record ListMeetings(SubcommitteeId subcommitteeId) {
}
