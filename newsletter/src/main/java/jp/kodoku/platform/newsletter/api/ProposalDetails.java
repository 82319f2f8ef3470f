package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.time.Instant;

/**
 * A proposal as read by its proposer and the secretariat.
 *
 * @param proposed the text as the member admin wrote it
 * @param accepted the text that went into the issue (null until accepted); differs from {@code proposed} when
 *                 {@code edited}
 * @param reason   why it was deferred or rejected, else null
 */
public record ProposalDetails(ItemProposalId proposalId, OrganizationId organizationId, ProposalKind kind,
                              ProposalStatus status, ItemContent proposed, ItemContent accepted, boolean edited,
                              IssueId issueId, ItemId itemId, String reason, Instant proposedAt, Instant decidedAt,
                              long version) {
}
