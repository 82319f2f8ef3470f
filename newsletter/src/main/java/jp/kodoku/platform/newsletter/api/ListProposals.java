package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.Set;

/**
 * Query: proposals in these states (all when empty), of one organization or (null) of all, newest first. Answers a
 * list of {@link ProposalDetails}.
 */
public record ListProposals(OrganizationId organizationId, Set<ProposalStatus> statuses) {

    public ListProposals {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
