package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A member admin's partial update of its own profile. While profile moderation is on, the changes to the moderated
 * fields ({@link ProfileModeration#FIELDS}) become a proposal, made on top of the pending one if there is one; the
 * other fields take effect at once. Answered with a {@link ProfileChangeReceipt}.
 *
 * @param proposalId the id the proposal gets, if the change makes one
 */
public record ChangeProfileAsMemberAdmin(@TargetAggregateIdentifier OrganizationId organizationId,
                                         @TargetAggregateVersion Long expectedVersion, ProfilePatch patch,
                                         String proposalId) {
}
