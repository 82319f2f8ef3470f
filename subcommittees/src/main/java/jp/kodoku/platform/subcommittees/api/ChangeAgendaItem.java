package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives an agenda item another title or presenter (the whole item: a presenter left out is none). */
public record ChangeAgendaItem(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                               @TargetAggregateVersion Long expectedVersion, AgendaItemId itemId, String title,
                               OrganizationRef presenter) {
}
