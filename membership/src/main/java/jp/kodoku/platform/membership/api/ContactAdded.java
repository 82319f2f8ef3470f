package jp.kodoku.platform.membership.api;

/** Event: A contact person was added. Published contract: never change its shape. */
public record ContactAdded(OrganizationId organizationId, ContactPerson contact) {
}
