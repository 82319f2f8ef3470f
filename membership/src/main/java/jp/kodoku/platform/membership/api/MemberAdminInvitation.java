package jp.kodoku.platform.membership.api;

/**
 * The answer to {@link InviteMemberAdmin}.
 *
 * @param userId  the account's id in the identity provider (Keycloak)
 * @param created false when the address had an account already, which now also acts as admin
 * @param version the organization's version after the invitation
 */
public record MemberAdminInvitation(String userId, boolean created, boolean invitationSent, long version) {
}
