package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Puts the agenda in a new order: every item once. */
public record ReorderAgenda(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                            @TargetAggregateVersion Long expectedVersion, List<AgendaItemId> order) {
}
