package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.List;

/** The lead organizations (担当幹事団体) are now these. */
public record LeadOrganizationsChanged(SubcommitteeId subcommitteeId, List<OrganizationId> leadOrganizations) {
}
