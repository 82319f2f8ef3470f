package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erasure request (APPI): the contact person's name, e-mail and phone become unreadable for good. */
public record ErasePersonalData(@TargetAggregateIdentifier OrganizationId organizationId, ContactId contactId, String reason) {
}
