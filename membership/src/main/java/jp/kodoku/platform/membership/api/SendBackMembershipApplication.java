package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The secretariat asks the applicant for changes. */
public record SendBackMembershipApplication(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, String comment) {
}
