package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (anyone holding the mailed link): confirm the e-mail address; the registration then takes its seats or its place on the waitlist. */
public record ConfirmPublicRegistration(@TargetAggregateIdentifier EventId eventId, String confirmationTokenHash) {
}
