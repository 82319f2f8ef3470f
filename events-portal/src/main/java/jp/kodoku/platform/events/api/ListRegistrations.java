package jp.kodoku.platform.events.api;

/** Query (secretariat): every registration of an event, confirmed first, then the waitlist in order, then the rest. Answers a list of {@link RegistrationSummary}. */
public record ListRegistrations(EventId eventId) {
}
