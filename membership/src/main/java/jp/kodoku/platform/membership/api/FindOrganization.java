package jp.kodoku.platform.membership.api;

/** Query: everything about one organization, for the secretariat and the organization's own admins. */
public record FindOrganization(OrganizationId organizationId) {
}
