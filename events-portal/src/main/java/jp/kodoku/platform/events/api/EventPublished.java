package jp.kodoku.platform.events.api;

/** Event: announced; a symposium's number, else null. */
public record EventPublished(EventId eventId, Integer symposiumNumber) {
}
