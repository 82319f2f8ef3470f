package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;


/** The chair confirms one slot: the meeting's date. */
public record ConfirmPollSlot(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, String slotId) {
}
