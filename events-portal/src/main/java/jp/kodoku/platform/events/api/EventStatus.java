package jp.kodoku.platform.events.api;

/** Where an event is in its life. */
public enum EventStatus {
    /** Being prepared by the secretariat; nobody else sees it. */
    DRAFT,
    /** A member organization's event under a campaign, waiting for the secretariat's decision. */
    PROPOSED,
    /** Refused by the secretariat (a proposed campaign event), with a reason. */
    REJECTED,
    /** Public (or members-only) and, if it takes registrations, open for them within its window. */
    PUBLISHED,
    /** Published, and moved to another time, with a reason; still takes registrations. */
    RESCHEDULED,
    /** Will not take place, with a reason; registrations end. */
    CANCELLED,
    /** Has taken place; attendance may be recorded. */
    FINISHED;

    /** Visible outside the secretariat (and, for a proposal, its proposer). */
    public boolean announced() {
        return this == PUBLISHED || this == RESCHEDULED || this == CANCELLED || this == FINISHED;
    }
}
