package jp.kodoku.platform.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an event takes place, in Japan time (Asia/Tokyo): from a start date (and time) to an end date (and time). A
 * whole-day event gives no times and lasts from the start of its first day to the end of its last; a multi-day event
 * has an end date after its start date. Japan has no daylight saving, so a local time is one instant.
 *
 * @param startTime null for a whole-day event (and then endTime is null too)
 */
public record Schedule(LocalDate startDate, LocalTime startTime, LocalDate endDate, LocalTime endTime) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public boolean wholeDay() {
        return startTime == null && endTime == null;
    }

    public Instant startsAt() {
        return startDate.atTime(startTime == null ? LocalTime.MIDNIGHT : startTime).atZone(JAPAN).toInstant();
    }

    /** The instant it ends; for a whole-day event, midnight after its last day. */
    public Instant endsAt() {
        return endTime == null ? endDate.plusDays(1).atStartOfDay(JAPAN).toInstant()
                : endDate.atTime(endTime).atZone(JAPAN).toInstant();
    }
}
