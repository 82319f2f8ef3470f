package jp.kodoku.platform.membership.api;

/**
 * Event: Another admin was invited to act for the organization. Who invited is in the metadata ({@code principal}); the
 * invitee's name and address stay in the identity provider. Published contract: never change its shape.
 *
 * @param userId the account's id in the identity provider (Keycloak)
 */
public record MemberAdminInvited(OrganizationId organizationId, String userId, boolean created, boolean invitationSent) {
}
