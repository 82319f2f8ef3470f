package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.CalendarView;
import jp.kodoku.platform.events.api.EventKind;
import jp.kodoku.platform.events.api.EventSummary;
import jp.kodoku.platform.events.api.ListEvents;
import jp.kodoku.platform.gateway.web.Queries;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the calendar pages get their entries: today the events portal's own {@link ListEvents}. The unified calendar
 * (events and subcommittee meetings) replaces this one class; the pages only see {@link Entry} and {@link Month}.
 */
@Component
class EventCalendar {

    /** The most entries a page lists; a month never holds this many. */
    static final int LIMIT = 500;

    private final Queries queries;

    EventCalendar(Queries queries) {
        this.queries = queries;
    }

    /** The entries a view may see between two dates (both included), soonest first. */
    List<Entry> between(CalendarView view, LocalDate from, LocalDate to, EventKind kind, String prefecture) {
        return queries.list(new ListEvents(view, from, to, kind, prefecture, LIMIT), EventSummary.class).stream()
                      .map(e -> new Entry(e.eventId().value(), e.kind().japanese(), title(e),
                              e.schedule().startDate(), e.schedule().endDate(), e.schedule().startTime() == null ? null
                              : e.schedule().startTime().toString(), e.venue() == null ? null : e.venue().name(),
                              e.online(), EventLabels.status(e.status()), "/events/" + e.eventId().value()))
                      .toList();
    }

    /** A month as weeks from Monday to Sunday, each day with the entries on it (a multi-day one on each of its days). */
    Month month(CalendarView view, YearMonth month, EventKind kind, String prefecture) {
        List<Entry> entries = between(view, month.atDay(1), month.atEndOfMonth(), kind, prefecture);
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        while (!day.isAfter(last)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                LocalDate d = day;
                week.add(new Day(d, YearMonth.from(d).equals(month),
                        entries.stream().filter(e -> !d.isBefore(e.startDate()) && !d.isAfter(e.endDate())).toList()));
            }
            weeks.add(week);
        }
        return new Month(month, weeks, entries.size());
    }

    static String title(EventSummary e) {
        return e.symposiumNumber() == null ? e.title() : "第" + e.symposiumNumber() + "回 " + e.title();
    }

    /** One line of the calendar. {@code startTime} is null for a whole-day entry. */
    record Entry(String id, String kind, String title, LocalDate startDate, LocalDate endDate, String startTime,
                 String place, boolean online, String status, String path) {
    }

    record Day(LocalDate date, boolean inMonth, List<Entry> entries) {
    }

    record Month(YearMonth month, List<List<Day>> weeks, int count) {
    }
}
