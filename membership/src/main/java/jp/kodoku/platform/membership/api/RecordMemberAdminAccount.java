package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the primary contact has a member-admin account, after the platform made or found it in the identity
 * provider. Sent by the platform itself (processing group {@code accounts}), never through the API.
 *
 * @param userId         the account's id in the identity provider (Keycloak)
 * @param created        false when an account with the contact's address existed and was reused
 * @param invitationSent whether the e-mail to set a password and verify the address went out
 */
public record RecordMemberAdminAccount(@TargetAggregateIdentifier OrganizationId organizationId, ContactId contactId,
                                       String userId, boolean created, boolean invitationSent) {
}
