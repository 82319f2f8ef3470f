package jp.kodoku.platform.events.api;

/** Query: the unified calendar of {@code selection} as an iCalendar feed (RFC 5545). Answers the file's text. */
public record RenderUnifiedCalendarIcs(ListCalendar selection, String name) {
}
