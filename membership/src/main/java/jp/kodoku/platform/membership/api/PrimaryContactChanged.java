package jp.kodoku.platform.membership.api;

/** Event: Another contact person became the primary contact. Published contract: never change its shape. */
public record PrimaryContactChanged(OrganizationId organizationId, ContactId contactId) {
}
