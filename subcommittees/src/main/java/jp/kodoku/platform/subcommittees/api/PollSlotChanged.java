package jp.kodoku.platform.subcommittees.api;


/** A slot moved; the answers to it were voided with it. */
public record PollSlotChanged(PollId pollId, PollSlot slot) {
}
