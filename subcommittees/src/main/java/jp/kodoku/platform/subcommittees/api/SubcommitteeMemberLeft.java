package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** An organization is no longer a member. */
public record SubcommitteeMemberLeft(SubcommitteeId subcommitteeId, OrganizationId organizationId, LeavingCause cause, String reason) {
}
