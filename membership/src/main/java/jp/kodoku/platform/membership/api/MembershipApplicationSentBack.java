package jp.kodoku.platform.membership.api;

/** Event: The secretariat asked for changes. Published contract: never change its shape. */
public record MembershipApplicationSentBack(OrganizationId organizationId, String comment) {
}
