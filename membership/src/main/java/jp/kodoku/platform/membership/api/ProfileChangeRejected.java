package jp.kodoku.platform.membership.api;

import java.util.List;

/** Event: The secretariat rejected a proposal, with a reason the member admin sees. Published contract: never change its shape. */
public record ProfileChangeRejected(OrganizationId organizationId, String proposalId, List<ProposedFieldChange> changes,
                                    String reason) {
}
