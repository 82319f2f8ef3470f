package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/**
 * Query: what importing this organization would meet, without changing anything (the dry run of an import): the
 * rules it breaks, or the organization already registered under its corporate number or name. Answered with an
 * {@link ImportCandidateCheck}.
 */
public record CheckImportCandidate(OrganizationId organizationId, OrganizationProfile profile, MemberCategory category,
                                   ContactDetails primaryContact, LocalDate joinedOn, String bylawsVersion) {
}
