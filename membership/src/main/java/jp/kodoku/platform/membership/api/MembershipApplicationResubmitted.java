package jp.kodoku.platform.membership.api;

/** Event: The applicant resubmitted after a send-back. Published contract: never change its shape. */
public record MembershipApplicationResubmitted(OrganizationId organizationId, OrganizationProfile profile, MemberCategory requestedCategory, ContactPerson primaryContact) {
}
