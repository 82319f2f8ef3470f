package jp.kodoku.platform.membership.api;

/**
 * Event: Every account of the organization was enabled again in the identity provider, because of its reinstatement.
 * Published contract: never change its shape.
 *
 * @param triggeringEvent the sequence number of the organization's reinstatement
 * @param accounts        how many accounts the organization has, all of them now enabled
 */
public record MemberAdminAccountsEnabled(OrganizationId organizationId, long triggeringEvent, int accounts) {
}
