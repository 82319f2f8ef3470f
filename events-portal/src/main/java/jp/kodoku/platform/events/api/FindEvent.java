package jp.kodoku.platform.events.api;

/** Query: one event as a view may see it (empty when the view may not). Answers an {@link EventSummary}. */
public record FindEvent(EventId eventId, CalendarView view) {
}
