package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/**
 * Event: the secretariat took the proposal into an issue as item {@code itemId} under {@code sectionKey}; {@code
 * content} is the text that went in, {@code edited} says whether it differs from the proposal's (which stays as it
 * was, so the proposer sees both).
 */
public record ProposalAccepted(ItemProposalId proposalId, IssueId issueId, ItemId itemId, String sectionKey,
                               ItemContent content, boolean edited, Instant decidedAt) {
}
