package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveAgendaFile(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                               @TargetAggregateVersion Long expectedVersion, AgendaItemId itemId, String sha256) {
}
