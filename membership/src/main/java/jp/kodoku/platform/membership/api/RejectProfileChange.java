package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Secretariat: refuse a pending proposal; the reason is required and shown to the member admin. */
public record RejectProfileChange(@TargetAggregateIdentifier OrganizationId organizationId,
                                  @TargetAggregateVersion Long expectedVersion, String proposalId, String reason) {
}
