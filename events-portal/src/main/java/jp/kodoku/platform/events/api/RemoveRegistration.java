package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): remove a registration, with a reason. */
public record RemoveRegistration(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, String reason) {
}
