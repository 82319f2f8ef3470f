package jp.kodoku.platform.membership.api;

/** Where a proposed profile change stands. Every state but PENDING is final. */
public enum ProfileProposalStatus {
    /** Waits for the secretariat. */
    PENDING,
    /** Approved: its values are published. */
    APPROVED,
    /** Rejected, with a reason. */
    REJECTED,
    /** The member admin changed the moderated fields again: a new proposal (naming this one) took its place. */
    REPLACED,
    /** One of its fields was changed directly (by the secretariat, or by the member while moderation was off). */
    SUPERSEDED,
    /** The member admin set every proposed field back to its published value. */
    WITHDRAWN_BY_MEMBER,
    /** The organization withdrew (退会) while it was pending. */
    ORGANIZATION_WITHDRAWN
}
