package jp.kodoku.platform.membership.api;

/**
 * Event: An admin no longer acts for the organization; the account is gone from the identity provider (or, if it has
 * another platform role, lost the member-admin role). Published contract: never change its shape.
 *
 * @param userId the account's id in the identity provider (Keycloak)
 */
public record MemberAdminRemoved(OrganizationId organizationId, String userId) {
}
