package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply for membership (会員情報登録). {@code accessTokenHash} is the SHA-256 of the applicant's private link. */
public record SubmitMembershipApplication(@TargetAggregateIdentifier OrganizationId organizationId, OrganizationProfile profile, MemberCategory requestedCategory, ContactDetails primaryContact, String bylawsVersion, String accessTokenHash) {
}
