package jp.kodoku.platform.events.api;

import java.time.LocalDateTime;

/**
 * How an event takes registrations. Times are Japan time.
 *
 * @param capacity            seats in all, or null for no limit
 * @param opensAt             registrations accepted from (null: from publication)
 * @param closesAt            registrations accepted until (null: until the start)
 * @param seatLimit           most seats one registration may take (1 to {@value #MAX_SEAT_LIMIT})
 * @param reminderDaysBefore  a reminder this many days before the start, or null
 * @param reminderHoursBefore a reminder this many hours before the start, or null
 */
public record RegistrationSettings(Integer capacity, LocalDateTime opensAt, LocalDateTime closesAt, int seatLimit,
                                   Integer reminderDaysBefore, Integer reminderHoursBefore) {

    public static final int MAX_SEAT_LIMIT = 20;
    public static final int MAX_CAPACITY = 100_000;
}
