package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** Query: a member organization's registrations, soonest event first. Answers a list of {@link RegistrationSummary}. */
public record ListOrganizationRegistrations(OrganizationId organizationId) {
}
