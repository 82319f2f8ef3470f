package jp.kodoku.platform.events.api;

/** Event: the seats were not free, so the registration joined the waitlist at {@code position} (1 = first). */
public record RegistrationWaitlisted(EventId eventId, RegistrationId registrationId, Registrant registrant, int seats, long acceptedAs, int position, String accessTokenHash) {
}
