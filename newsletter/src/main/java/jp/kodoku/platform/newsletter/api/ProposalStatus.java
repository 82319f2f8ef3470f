package jp.kodoku.platform.newsletter.api;

/** Where a proposed item stands; the proposer sees it. */
public enum ProposalStatus {
    /** Waiting for the secretariat. */
    PROPOSED,
    /** Put off by the secretariat with a reason (a later issue); may still be accepted or rejected. */
    DEFERRED,
    /** Taken into an issue, as written or edited (both texts kept). Final. */
    ACCEPTED,
    /** Declined by the secretariat with a reason. Final. */
    REJECTED;

    /** Still waiting for a decision. */
    public boolean open() {
        return this == PROPOSED || this == DEFERRED;
    }
}
