package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds an item at the end of a meeting's agenda; the presenter is a member organization, or null. */
public record AddAgendaItem(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                            @TargetAggregateVersion Long expectedVersion, AgendaItemId itemId, String title,
                            OrganizationRef presenter) {
}
