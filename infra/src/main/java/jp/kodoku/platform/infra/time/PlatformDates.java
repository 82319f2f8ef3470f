package jp.kodoku.platform.infra.time;

import jp.kodoku.platform.infra.errors.InvalidInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The range of every date the platform accepts: membership facts (joining, category changes, withdrawals, steering
 * terms) and the dates statistics are asked for. Nothing happened in the platform before its founding, and nothing is
 * planned more than five years ahead (a withdrawal announced for the end of a long term of office, at the most); a
 * date outside is a typing mistake or a probe, and would otherwise distort the published statistics.
 */
public final class PlatformDates {

    public static final LocalDate FOUNDED = LocalDate.of(2022, 2, 1);
    public static final int YEARS_AHEAD = 5;
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private PlatformDates() {
    }

    /** The last date accepted: today in Japan plus {@value #YEARS_AHEAD} years. */
    public static LocalDate latest(Clock clock) {
        return LocalDate.now(clock.withZone(JAPAN)).plusYears(YEARS_AHEAD);
    }

    /** Why the date is refused, or null when it lies in the range. */
    public static String problem(LocalDate date, Clock clock) {
        if (date == null) {
            return null;
        }
        LocalDate latest = latest(clock);
        if (date.isBefore(FOUNDED) || date.isAfter(latest)) {
            return "must be between " + FOUNDED + " (the platform's founding) and " + latest
                    + " (" + YEARS_AHEAD + " years from today)";
        }
        return null;
    }

    public static void requireInRange(String field, LocalDate date, Clock clock) {
        String problem = problem(date, clock);
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
    }
}
