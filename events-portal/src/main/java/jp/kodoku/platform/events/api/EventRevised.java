package jp.kodoku.platform.events.api;

/** Event: the editor's settings changed (the whole new details). */
public record EventRevised(EventId eventId, EventDetails details) {
}
