package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Chair or secretariat: the request is declined, with the reason the asking organization sees. */
public record DeclineSubcommitteeMembershipRequest(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, OrganizationId organizationId, String reason) {
}
