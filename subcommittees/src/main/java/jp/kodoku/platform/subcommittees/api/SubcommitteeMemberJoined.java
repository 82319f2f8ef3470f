package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** An organization became a member. */
public record SubcommitteeMemberJoined(SubcommitteeId subcommitteeId, OrganizationId organizationId, JoinRoute route) {
}
