package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a contact person. */
public record AddContact(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, ContactId contactId, ContactDetails details) {
}
