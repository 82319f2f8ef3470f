package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Moves an active member to another category from {@code effectiveDate} on. */
public record ChangeMemberCategory(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, MemberCategory newCategory, String reason, LocalDate effectiveDate) {
}
