package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the secretariat put the proposal off, with a reason. */
public record ProposalDeferred(ItemProposalId proposalId, String reason, Instant decidedAt) {
}
