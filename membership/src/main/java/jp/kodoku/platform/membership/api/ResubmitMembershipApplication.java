package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The applicant answers a send-back with a corrected application. */
public record ResubmitMembershipApplication(@TargetAggregateIdentifier OrganizationId organizationId, OrganizationProfile profile, MemberCategory requestedCategory, ContactDetails primaryContact) {
}
