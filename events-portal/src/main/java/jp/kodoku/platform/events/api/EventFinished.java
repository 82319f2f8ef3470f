package jp.kodoku.platform.events.api;

/** Event: has taken place. */
public record EventFinished(EventId eventId) {
}
