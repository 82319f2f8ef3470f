package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A member admin (or the secretariat) invites another admin of the organization: an account in the identity provider
 * and an e-mail to set a password. The name and address stay in the identity provider, never in events. Answered with
 * {@link MemberAdminInvitation}.
 */
public record InviteMemberAdmin(@TargetAggregateIdentifier OrganizationId organizationId,
                                @TargetAggregateVersion Long expectedVersion, String name, String email) {
}
