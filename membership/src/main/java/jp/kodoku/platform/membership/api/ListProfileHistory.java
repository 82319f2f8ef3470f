package jp.kodoku.platform.membership.api;

/** Query: who changed which profile field of an organization, when, from what to what (newest first). */
public record ListProfileHistory(OrganizationId organizationId, String cursor, int limit) {
}
