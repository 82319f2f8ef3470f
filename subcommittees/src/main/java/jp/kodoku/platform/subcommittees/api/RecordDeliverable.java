package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.util.List;

/** Records a deliverable of a subcommittee, linked to the meetings that produced it (they took place before its date). */
public record RecordDeliverable(DeliverableId deliverableId, SubcommitteeId subcommitteeId, String title,
                                DeliverableKind kind, LocalDate date, String summary, Visibility visibility,
                                List<MeetingId> meetings) {
}
