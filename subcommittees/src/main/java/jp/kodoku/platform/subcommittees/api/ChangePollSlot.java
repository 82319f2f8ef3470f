package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;


/** Moves a slot to another date or time: its own answers are void (they were for another time); the others stay. */
public record ChangePollSlot(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, PollSlot slot) {
}
