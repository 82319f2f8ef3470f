package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** A member admin asked for its organization to join. */
public record SubcommitteeMembershipRequested(SubcommitteeId subcommitteeId, OrganizationId organizationId, String note) {
}
