package jp.kodoku.platform.events.api;

/** Why seats became free for someone on the waitlist. */
public enum PromotionCause {
    /** A confirmed registrant cancelled. */
    CANCELLATION,
    /** The secretariat removed a confirmed registration. */
    REMOVAL,
    /** The secretariat raised the capacity (or removed the limit). */
    CAPACITY_RAISED
}
