package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Command (secretariat): take a proposed or deferred item into a draft issue, under the section of its kind.
 *
 * @param content the text as the secretariat edited it, or null to take it as proposed
 */
public record AcceptProposal(@TargetAggregateIdentifier ItemProposalId proposalId,
                             @TargetAggregateVersion Long expectedVersion, IssueId issueId, ItemContent content) {
}
