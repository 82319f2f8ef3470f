package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Event: The applicant became a member. Published contract: never change its shape. */
public record MembershipApplicationApproved(OrganizationId organizationId, int memberNumber, MemberCategory category, LocalDate joinedOn) {
}
