package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Chair or secretariat: the organization leaves, with the reason. */
public record RemoveSubcommitteeMember(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, OrganizationId organizationId, String reason) {
}
