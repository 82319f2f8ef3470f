package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Event: The member moved to another category. Published contract: never change its shape. */
public record MemberCategoryChanged(OrganizationId organizationId, MemberCategory from, MemberCategory to, String reason, LocalDate effectiveDate) {
}
