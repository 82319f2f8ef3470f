package jp.kodoku.platform.subcommittees.api;

/** An agenda item was taken off the agenda, with its attachments. */
public record AgendaItemRemoved(MeetingId meetingId, SubcommitteeId subcommitteeId, AgendaItemId itemId) {
}
