package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * Event: A pending proposal ended without a decision: replaced, superseded, withdrawn by the member, or the
 * organization withdrew ({@code outcome} says which). Published contract: never change its shape.
 */
public record ProfileChangeProposalClosed(OrganizationId organizationId, String proposalId,
                                          List<ProposedFieldChange> changes, ProfileProposalStatus outcome) {
}
