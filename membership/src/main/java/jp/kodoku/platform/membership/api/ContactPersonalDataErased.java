package jp.kodoku.platform.membership.api;

/** Event: The contact person's personal data was erased on request; the key that sealed it is gone. Published contract: never change its shape. */
public record ContactPersonalDataErased(OrganizationId organizationId, ContactId contactId, String reason) {
}
