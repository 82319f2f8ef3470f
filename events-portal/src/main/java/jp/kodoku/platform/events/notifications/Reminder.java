package jp.kodoku.platform.events.notifications;

/**
 * A reminder due (db-scheduler task data): for one registration, {@code kind} "days" or "hours" before the start
 * {@code startsAt} it was planned for. A reminder planned for a start the event no longer has is not sent.
 */
record Reminder(String eventId, String registrationId, String kind, String startsAt) {
}
