package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;


/** Adds a candidate slot (its id new); every answer given so far stays. */
public record AddPollSlot(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, PollSlot slot) {
}
