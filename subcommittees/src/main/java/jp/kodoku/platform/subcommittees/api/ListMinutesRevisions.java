package jp.kodoku.platform.subcommittees.api;

/** A meeting's minutes' revisions, oldest first: {@link MinutesRevision}s without their texts. */
public record ListMinutesRevisions(SubcommitteeId subcommitteeId, MeetingId meetingId) {
}
