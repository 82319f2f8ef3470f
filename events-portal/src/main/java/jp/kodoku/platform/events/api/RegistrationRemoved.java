package jp.kodoku.platform.events.api;

/** Event: the secretariat removed a registration. */
public record RegistrationRemoved(EventId eventId, RegistrationId registrationId, RegistrationStatus previous, int seats, String reason) {
}
