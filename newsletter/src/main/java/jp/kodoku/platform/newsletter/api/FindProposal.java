package jp.kodoku.platform.newsletter.api;

/** Query: one proposal; an empty answer when there is none. Answers a {@link ProposalDetails}. */
public record FindProposal(ItemProposalId proposalId) {
}
