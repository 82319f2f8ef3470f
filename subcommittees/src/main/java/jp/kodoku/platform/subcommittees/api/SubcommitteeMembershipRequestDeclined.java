package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** A request to join was declined. */
public record SubcommitteeMembershipRequestDeclined(SubcommitteeId subcommitteeId, OrganizationId organizationId, String reason) {
}
