package jp.kodoku.platform.subcommittees.api;

/** A subcommittee's public meetings by date: {@link PublicMeeting}s. */
public record ListPublicMeetings(SubcommitteeId subcommitteeId) {
}
