package jp.kodoku.platform.membership.api;

/** Query: an organization's proposals, pending and decided, newest first. */
public record ListProfileChangeProposals(OrganizationId organizationId) {
}
