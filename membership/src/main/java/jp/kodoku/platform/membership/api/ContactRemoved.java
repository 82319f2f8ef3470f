package jp.kodoku.platform.membership.api;

/** Event: A contact person was removed. Published contract: never change its shape. */
public record ContactRemoved(OrganizationId organizationId, ContactId contactId) {
}
