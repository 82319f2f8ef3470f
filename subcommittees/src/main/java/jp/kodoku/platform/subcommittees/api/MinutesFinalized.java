package jp.kodoku.platform.subcommittees.api;

/** The minutes were locked at this revision. */
public record MinutesFinalized(MeetingId meetingId, SubcommitteeId subcommitteeId, int revision) {
}
