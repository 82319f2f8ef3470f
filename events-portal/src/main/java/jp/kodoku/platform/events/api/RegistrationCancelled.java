package jp.kodoku.platform.events.api;

/** Event: the registrant cancelled (or left the waitlist); {@code seats} it held or waited for. */
public record RegistrationCancelled(EventId eventId, RegistrationId registrationId, RegistrationStatus previous, int seats) {
}
