package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): move a waitlisted registration to another position (1 = first), with a reason. */
public record MoveWaitlistEntry(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, int position, String reason) {
}
