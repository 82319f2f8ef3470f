package jp.kodoku.platform.subcommittees.api;

/** An item was added at the end of a meeting's agenda. */
public record AgendaItemAdded(MeetingId meetingId, SubcommitteeId subcommitteeId, AgendaItemId itemId, String title,
                              OrganizationRef presenter) {
}
