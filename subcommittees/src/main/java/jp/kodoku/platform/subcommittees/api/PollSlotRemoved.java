package jp.kodoku.platform.subcommittees.api;


/** A slot was removed. */
public record PollSlotRemoved(PollId pollId, String slotId) {
}
