package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.util.List;

public record DeliverableRecorded(DeliverableId deliverableId, SubcommitteeId subcommitteeId, String title,
                                  DeliverableKind kind, LocalDate date, String summary, Visibility visibility,
                                  List<MeetingId> meetings) {
}
