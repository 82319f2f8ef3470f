package jp.kodoku.platform.subcommittees.api;

/** A meeting was cancelled, with the reason; it stays listed as cancelled. */
public record MeetingCancelled(MeetingId meetingId, SubcommitteeId subcommitteeId, String reason) {
}
