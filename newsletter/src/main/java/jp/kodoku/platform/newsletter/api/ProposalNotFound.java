package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** No proposal of this id (answered with 404); also what a member admin gets for another organization's. */
public class ProposalNotFound extends NotFound {

    public ProposalNotFound(ItemProposalId proposalId) {
        super("there is no proposal " + proposalId.value());
    }
}
