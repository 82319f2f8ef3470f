package jp.kodoku.platform.subcommittees.api;


/** A slot was confirmed: the meeting's date. */
public record PollSlotConfirmed(PollId pollId, SubcommitteeId subcommitteeId, String title, PollSlot slot) {
}
