package jp.kodoku.platform.membership.api;

/**
 * Event: the organization was moved in by an import, right after its submission and approval events of the same
 * command: where it came from (the file's SHA-256 and the row), so that its history says "imported" rather than
 * suggesting it applied through the form. Published contract: never change its shape.
 */
public record MemberOrganizationImported(OrganizationId organizationId, String fileSha256, int rowNumber) {
}
