package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): erase a public registrant's name and e-mail for good (APPI request). */
public record EraseRegistrantPersonalData(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, String reason) {
}
