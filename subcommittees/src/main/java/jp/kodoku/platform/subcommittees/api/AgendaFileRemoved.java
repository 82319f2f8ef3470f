package jp.kodoku.platform.subcommittees.api;

/** A file is no longer attached to an agenda item. */
public record AgendaFileRemoved(MeetingId meetingId, SubcommitteeId subcommitteeId, AgendaItemId itemId, String sha256) {
}
