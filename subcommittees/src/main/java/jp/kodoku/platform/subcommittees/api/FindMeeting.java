package jp.kodoku.platform.subcommittees.api;

/** One meeting of this subcommittee: {@link MeetingDetails}, or empty (also when it is another subcommittee's). */
public record FindMeeting(SubcommitteeId subcommitteeId, MeetingId meetingId) {
}
