package jp.kodoku.platform.subcommittees.api;

/** An answer to one candidate slot, as in 調整さん. */
public enum PollChoice {
    /** ○ */
    YES,
    /** △ */
    MAYBE,
    /** × */
    NO
}
