package jp.kodoku.platform.subcommittees.api;

/** A meeting became public, or members-only again. */
public record MeetingVisibilityChanged(MeetingId meetingId, SubcommitteeId subcommitteeId, boolean publicMeeting) {
}
