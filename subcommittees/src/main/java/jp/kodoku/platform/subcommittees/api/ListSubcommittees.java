package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/**
 * The subcommittees by number, answered with {@link SubcommitteeSummary}s.
 *
 * @param memberOrganization only those this organization is a member of; null for all
 */
public record ListSubcommittees(OrganizationId memberOrganization) {
}
