package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** A person (by sign-in account id) chairs the subcommittee, for a lead organization. */
public record ChairAppointed(SubcommitteeId subcommitteeId, String userId, OrganizationId organizationId) {
}
