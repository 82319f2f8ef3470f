package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the secretariat declined the proposal, with a reason. */
public record ProposalRejected(ItemProposalId proposalId, String reason, Instant decidedAt) {
}
