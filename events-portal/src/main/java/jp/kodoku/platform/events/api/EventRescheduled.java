package jp.kodoku.platform.events.api;

/** Event: moved to another time. */
public record EventRescheduled(EventId eventId, Schedule previous, Schedule schedule, String reason) {
}
