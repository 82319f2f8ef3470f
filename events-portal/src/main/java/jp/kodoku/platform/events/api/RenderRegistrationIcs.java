package jp.kodoku.platform.events.api;

/**
 * Query: the event of the registration behind a private link as an iCalendar file, with the online URL while the
 * registration holds its seats. Answers the text, or nothing.
 */
public record RenderRegistrationIcs(EventId eventId, String accessTokenHash) {
}
