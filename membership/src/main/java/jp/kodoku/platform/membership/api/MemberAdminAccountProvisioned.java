package jp.kodoku.platform.membership.api;

/**
 * Event: The primary contact got a member-admin account in the identity provider (made, or an existing one reused),
 * so that the organization can sign in. Published contract: never change its shape.
 *
 * @param userId the account's id in the identity provider (Keycloak); the address stays there, not in events
 */
public record MemberAdminAccountProvisioned(OrganizationId organizationId, ContactId contactId, String userId,
                                            boolean created, boolean invitationSent) {
}
