package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (member admin): register staff of the admin's organization for some seats. */
public record RegisterMember(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, OrganizationId organizationId, String account, int seats) {
}
