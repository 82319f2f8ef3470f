package jp.kodoku.platform.membership.api;

/**
 * Event: No member-admin account could be made for the primary contact (e.g. the address already has an account that
 * acts for another organization); the secretariat has to sort it out. Published contract: never change its shape.
 *
 * @param reason why, without personal data
 */
public record MemberAdminAccountNotProvisioned(OrganizationId organizationId, ContactId contactId, String reason) {
}
