package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Secretariat: publish a pending proposal. The proposed name is claimed in the registry now (409 when another
 * organization holds it; the proposal then stays pending, to be rejected).
 */
public record ApproveProfileChange(@TargetAggregateIdentifier OrganizationId organizationId,
                                   @TargetAggregateVersion Long expectedVersion, String proposalId, String note) {
}
