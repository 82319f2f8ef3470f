package jp.kodoku.platform.membership.api;

/** Event: The suspension was lifted. Published contract: never change its shape. */
public record MemberReinstated(OrganizationId organizationId, String reason) {
}
