package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SetDeliverableVisibility(@TargetAggregateIdentifier DeliverableId deliverableId,
                                       SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion,
                                       Visibility visibility) {
}
