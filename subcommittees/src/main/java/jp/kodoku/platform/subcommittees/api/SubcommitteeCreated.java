package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.List;

/** A subcommittee was set up. */
public record SubcommitteeCreated(SubcommitteeId subcommitteeId, int number, String title, String theme, List<OrganizationId> leadOrganizations) {
}
