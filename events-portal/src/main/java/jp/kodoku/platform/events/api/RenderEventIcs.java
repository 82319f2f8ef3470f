package jp.kodoku.platform.events.api;

/** Query: one event as an iCalendar file, if the view may see it (no online URL in it). Answers the text, or nothing. */
public record RenderEventIcs(EventId eventId, CalendarView view) {
}
