package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** Corrects a deliverable's title, kind, date, summary or meetings (the whole of them). */
public record ReviseDeliverable(@TargetAggregateIdentifier DeliverableId deliverableId, SubcommitteeId subcommitteeId,
                                @TargetAggregateVersion Long expectedVersion, String title, DeliverableKind kind,
                                LocalDate date, String summary, List<MeetingId> meetings) {
}
