package jp.kodoku.platform.subcommittees.api;

/** An agenda item's title or presenter changed. */
public record AgendaItemChanged(MeetingId meetingId, SubcommitteeId subcommitteeId, AgendaItemId itemId, String title,
                                OrganizationRef presenter) {
}
