package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Command (a member admin, for its own organization): propose an item for the newsletter. The organization comes from
 * the caller's token, never from the body.
 */
public record ProposeItem(@TargetAggregateIdentifier ItemProposalId proposalId, OrganizationId organizationId,
                          ProposalKind kind, ItemContent content) {
}
