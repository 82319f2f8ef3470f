package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** Query (a member's admin): which of the organization's contacts' addresses bounce ({@link BouncingContact}s). */
public record ListBouncingContacts(OrganizationId organizationId) {
}
