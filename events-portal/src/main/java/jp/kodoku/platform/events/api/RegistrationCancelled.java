package jp.kodoku.platform.events.api;

/** Event: the registrant cancelled (or left the waitlist). */
public record RegistrationCancelled(EventId eventId, RegistrationId registrationId, RegistrationStatus previous) {
}
