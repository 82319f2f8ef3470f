package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.util.List;

public record DeliverableRevised(DeliverableId deliverableId, SubcommitteeId subcommitteeId, String title,
                                 DeliverableKind kind, LocalDate date, String summary, List<MeetingId> meetings) {
}
