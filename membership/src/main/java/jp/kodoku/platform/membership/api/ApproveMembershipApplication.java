package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** The secretariat approves; {@code joinedOn} is the date membership starts (today when null). */
public record ApproveMembershipApplication(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, LocalDate joinedOn) {
}
