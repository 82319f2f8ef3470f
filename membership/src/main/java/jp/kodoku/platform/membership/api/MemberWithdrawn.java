package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Event: The member left (退会). Published contract: never change its shape. */
public record MemberWithdrawn(OrganizationId organizationId, WithdrawalKind kind, String reason, LocalDate effectiveDate) {
}
