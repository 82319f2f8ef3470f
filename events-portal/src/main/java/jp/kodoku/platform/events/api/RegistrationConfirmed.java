package jp.kodoku.platform.events.api;

/** Event: a registration took its seats; {@code acceptedAs} is its place in the order the event accepted registrations. */
public record RegistrationConfirmed(EventId eventId, RegistrationId registrationId, Registrant registrant, int seats, long acceptedAs, String accessTokenHash) {
}
