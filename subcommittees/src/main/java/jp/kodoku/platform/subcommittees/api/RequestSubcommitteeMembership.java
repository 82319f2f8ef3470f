package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member admin asks for its organization to join; a chair decides. */
public record RequestSubcommitteeMembership(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, OrganizationId organizationId, String note) {
}
