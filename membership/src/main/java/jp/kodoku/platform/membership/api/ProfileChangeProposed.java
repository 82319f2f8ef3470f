package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * Event: A member admin asked for these changes to moderated profile fields; the published profile stays as it was
 * until the secretariat approves. Published contract: never change its shape.
 *
 * @param organizationName   the organization's published name when proposed (for the secretariat's queue)
 * @param replacesProposalId the pending proposal this one took the place of, or null
 */
public record ProfileChangeProposed(OrganizationId organizationId, String proposalId, String organizationName,
                                    List<ProposedFieldChange> changes, String replacesProposalId) {
}
