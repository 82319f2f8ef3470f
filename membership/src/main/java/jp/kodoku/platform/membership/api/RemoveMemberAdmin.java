package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes an admin's right to act for the organization away; the last admin cannot be removed. */
public record RemoveMemberAdmin(@TargetAggregateIdentifier OrganizationId organizationId,
                                @TargetAggregateVersion Long expectedVersion, String userId) {
}
