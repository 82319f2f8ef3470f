package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * Event: The secretariat approved a proposal; an {@link OrganizationProfileUpdated} with its values follows in the
 * same command. Published contract: never change its shape.
 *
 * @param note an optional word from the secretariat, or null
 */
public record ProfileChangeApproved(OrganizationId organizationId, String proposalId, List<ProposedFieldChange> changes,
                                    String note) {
}
