package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;


/** Removes a slot; the answers to the others stay. */
public record RemovePollSlot(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, String slotId) {
}
