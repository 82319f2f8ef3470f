package jp.kodoku.platform.membership.api;

/**
 * Event: Every account of the organization was disabled in the identity provider, because of its suspension or
 * withdrawal. Published contract: never change its shape.
 *
 * @param triggeringEvent the sequence number of the organization's event that called for it
 * @param accounts        how many accounts the organization has, all of them now disabled
 */
public record MemberAdminAccountsDisabled(OrganizationId organizationId, long triggeringEvent, int accounts) {
}
