package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.time.PlatformDates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dates a calendar request asks for: a month ({@code month=2026-05}) or a range ({@code from}, {@code to}; default
 * today to a year ahead, at most two years), read the same way by the events list and the unified calendar.
 */
record CalendarRange(LocalDate first, LocalDate last) {

    static final Pattern PREFECTURE = Pattern.compile("^(0[1-9]|[1-3][0-9]|4[0-7])$");

    /** The range, with every problem added to {@code violations} (then the range is not to be used). */
    static CalendarRange parse(String month, String from, String to, List<FieldViolation> violations) {
        LocalDate first;
        LocalDate last;
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        if (month != null) {
            if (from != null || to != null) {
                violations.add(new FieldViolation("month", "give a month or a date range, not both"));
            }
            YearMonth ym = parseMonth(month, violations);
            first = ym == null ? today : ym.atDay(1);
            last = ym == null ? today : ym.atEndOfMonth();
        } else {
            first = from == null ? today : parseDate("from", from, violations);
            last = to == null ? (first == null ? today : first.plusYears(1)) : parseDate("to", to, violations);
        }
        if (first != null && last != null && last.isBefore(first)) {
            violations.add(new FieldViolation("to", "must not be before from"));
        } else if (first != null && last != null && first.plusYears(2).isBefore(last)) {
            violations.add(new FieldViolation("to", "a range spans at most two years"));
        }
        return new CalendarRange(first, last);
    }

    static void checkPrefecture(String prefecture, List<FieldViolation> violations) {
        if (prefecture != null && !PREFECTURE.matcher(prefecture).matches()) {
            violations.add(new FieldViolation("prefecture", "must be a JIS X 0401 prefecture code, 01 to 47"));
        }
    }

    static void checkLimit(int limit, int max, List<FieldViolation> violations) {
        if (limit < 1 || limit > max) {
            violations.add(new FieldViolation("limit", "must be between 1 and " + max));
        }
    }

    /** What a feed covers: a month ago to a year ahead. */
    static CalendarRange ofFeed() {
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        return new CalendarRange(today.minusMonths(1), today.plusYears(1));
    }

    private static YearMonth parseMonth(String month, List<FieldViolation> violations) {
        try {
            YearMonth ym = YearMonth.parse(month);
            if (PlatformDates.problem(ym.atDay(1), Clock.systemUTC()) != null
                    && PlatformDates.problem(ym.atEndOfMonth(), Clock.systemUTC()) != null) {
                violations.add(new FieldViolation("month", PlatformDates.problem(ym.atDay(1), Clock.systemUTC())));
                return null;
            }
            return ym;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("month", "must be a month such as 2026-05"));
            return null;
        }
    }

    private static LocalDate parseDate(String field, String text, List<FieldViolation> violations) {
        try {
            LocalDate date = LocalDate.parse(text);
            String problem = PlatformDates.problem(date, Clock.systemUTC());
            if (problem != null) {
                violations.add(new FieldViolation(field, problem));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a date such as 2026-05-01"));
            return null;
        }
    }
}
