package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): decline a proposal, saying why (the proposer reads it). */
public record RejectProposal(@TargetAggregateIdentifier ItemProposalId proposalId,
                             @TargetAggregateVersion Long expectedVersion, String reason) {
}
