package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): whether a confirmed registration attended, and with how many seats. */
public record RecordAttendance(@TargetAggregateIdentifier EventId eventId, RegistrationId registrationId, int attendedSeats) {
}
