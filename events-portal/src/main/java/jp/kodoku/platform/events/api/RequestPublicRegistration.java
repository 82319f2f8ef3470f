package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (anyone, public events): ask for seats with a name and an e-mail address. Nothing is held until the link mailed to the address is followed ({@link ConfirmPublicRegistration}). {@code confirmationToken} is sealed with the registrant's data (for the mail); only hashes identify the links. */
public record RequestPublicRegistration(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, String name, String email, int seats, String accessTokenHash, String confirmationTokenHash, String confirmationToken) {
}
