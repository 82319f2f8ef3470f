package jp.kodoku.platform.subcommittees.api;

public enum PollStatus {
    /** Answers accepted until the deadline. */
    OPEN,
    /** The deadline passed; the chair may still confirm a slot. */
    PAST_DEADLINE,
    /** A slot was confirmed: the meeting's date. */
    CONFIRMED
}
