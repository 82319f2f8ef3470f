package jp.kodoku.platform.subcommittees.api;


/** A candidate slot was added. */
public record PollSlotAdded(PollId pollId, PollSlot slot) {
}
