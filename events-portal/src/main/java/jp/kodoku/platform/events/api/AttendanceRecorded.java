package jp.kodoku.platform.events.api;

/** Event: how many seats of a confirmed registration attended (0: nobody came). */
public record AttendanceRecorded(EventId eventId, RegistrationId registrationId, int attendedSeats) {
}
