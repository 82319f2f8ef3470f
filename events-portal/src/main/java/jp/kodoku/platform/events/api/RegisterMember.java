package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (member admin): register staff of the admin's organization for some seats; {@code contactEmail} (the admin account's, may be null) gets the mails, sealed as personal data. */
public record RegisterMember(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, OrganizationId organizationId, String account, int seats, String contactEmail) {
}
