package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (member admin): cancel one of the organization's registrations, or take it off the waitlist. */
public record CancelMemberRegistration(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, OrganizationId organizationId) {
}
