package jp.kodoku.platform.subcommittees.api;

/** Finalized minutes were published to the subcommittee's members, or to anyone. */
public record MinutesPublished(MeetingId meetingId, SubcommitteeId subcommitteeId, Visibility audience) {
}
