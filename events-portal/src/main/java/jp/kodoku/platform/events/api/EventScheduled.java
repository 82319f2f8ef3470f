package jp.kodoku.platform.events.api;

/** Event: an event was created as a draft. */
public record EventScheduled(EventId eventId, EventDetails details) {
}
