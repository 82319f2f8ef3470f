package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lifts a suspension. */
public record ReinstateMember(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, String reason) {
}
