package jp.kodoku.platform.events.api;

import java.time.LocalDate;
import java.util.List;

/** Registrations and attendance of the events that start in one fiscal year (April–March), for reports. */
public record AttendanceReport(int fiscalYear, LocalDate from, LocalDate to, List<EventAttendance> events,
                               int registrations, int confirmedSeats, int attendedSeats) {

    /** One event's figures: registrations confirmed (not cancelled), their seats, seats attended. */
    public record EventAttendance(EventId eventId, EventKind kind, String title, LocalDate startDate,
                                  EventStatus status, int registrations, int confirmedSeats, int attendedSeats) {
    }
}
