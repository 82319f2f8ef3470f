package jp.kodoku.platform.membership.api;

/** Event: The membership was suspended. Published contract: never change its shape. */
public record MemberSuspended(OrganizationId organizationId, String reason) {
}
