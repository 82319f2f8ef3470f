package jp.kodoku.platform.membership.api;

/** Event: The secretariat refused the application. Published contract: never change its shape. */
public record MembershipApplicationRejected(OrganizationId organizationId, String reason) {
}
