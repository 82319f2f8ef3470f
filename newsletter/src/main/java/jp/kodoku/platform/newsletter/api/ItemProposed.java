package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.time.Instant;

/** Event: a member organization proposed an item (the text as its member admin wrote it). */
public record ItemProposed(ItemProposalId proposalId, OrganizationId organizationId, ProposalKind kind,
                           ItemContent content, Instant proposedAt) {
}
