package jp.kodoku.platform.membership.api;

/** Event: An organization applied for membership. Published contract: never change its shape. */
public record MembershipApplicationSubmitted(OrganizationId organizationId, OrganizationProfile profile, MemberCategory requestedCategory, ContactPerson primaryContact, String bylawsVersion, String accessTokenHash) {
}
