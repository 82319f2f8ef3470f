package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDateTime;
import java.util.List;

/** A chair (or the secretariat) asks the members when they can meet: candidate slots and a deadline (local time in Japan). */
public record OpenDatePoll(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, String title, LocalDateTime deadline, List<PollSlot> slots) {
}
