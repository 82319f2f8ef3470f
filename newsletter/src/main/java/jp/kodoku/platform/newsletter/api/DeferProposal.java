package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): put a proposal off, saying why (the proposer reads it). */
public record DeferProposal(@TargetAggregateIdentifier ItemProposalId proposalId,
                            @TargetAggregateVersion Long expectedVersion, String reason) {
}
