package jp.kodoku.platform.membership.api;

/** Query: one published member, if it is active and consents to be listed. */
public record FindDirectoryEntry(OrganizationId organizationId) {
}
