package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Chair or secretariat: the asking organization joins. */
public record ApproveSubcommitteeMembershipRequest(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, OrganizationId organizationId) {
}
