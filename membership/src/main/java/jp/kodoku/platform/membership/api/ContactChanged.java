package jp.kodoku.platform.membership.api;

/** Event: A contact person's details were replaced. Published contract: never change its shape. */
public record ContactChanged(OrganizationId organizationId, ContactPerson contact) {
}
