package jp.kodoku.platform.events.api;

/** Event: called off; every registration ends with it. */
public record EventCancelled(EventId eventId, String reason) {
}
