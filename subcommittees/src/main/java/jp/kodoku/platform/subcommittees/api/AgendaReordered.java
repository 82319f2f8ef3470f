package jp.kodoku.platform.subcommittees.api;

import java.util.List;

/** The agenda's items in their new order. */
public record AgendaReordered(MeetingId meetingId, SubcommitteeId subcommitteeId, List<AgendaItemId> order) {
}
