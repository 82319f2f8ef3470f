package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.events.EventIcs;
import jp.kodoku.platform.infra.calendar.CalendarEntry;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The calendar's reads, answered by MongoDB queries on the {@code events} collection. */
@Component
class CalendarQueries {

    private static final List<String> ANNOUNCED = List.of(EventStatus.PUBLISHED.name(), EventStatus.RESCHEDULED.name(),
            EventStatus.CANCELLED.name(), EventStatus.FINISHED.name());

    private final MongoTemplate mongo;
    private final String baseUrl;

    CalendarQueries(MongoTemplate mongo, @org.springframework.beans.factory.annotation.Value(
            "${platform.events.base-url:http://localhost:8080}") String baseUrl) {
        this.mongo = mongo;
        this.baseUrl = baseUrl;
    }

    /** A feed of a view: the same selection as the list, without online URLs, as iCalendar. */
    @QueryHandler
    String handle(RenderCalendarIcs query) {
        List<EventSummary> events = handle(new ListEvents(query.view(), query.from(), query.to(), query.kind(),
                query.prefectureCode(), 1000));
        String name = switch (query.view()) {
            case PUBLIC -> "孤独・孤立対策官民連携プラットフォーム イベント";
            case MEMBER -> "孤独・孤立対策官民連携プラットフォーム イベント（会員）";
            case SECRETARIAT -> "孤独・孤立対策官民連携プラットフォーム イベント（事務局）";
        };
        return IcsCalendar.publish(name).addAll(events.stream().map(this::entry).toList()).toIcs();
    }

    @QueryHandler
    Optional<String> handle(RenderEventIcs query) {
        return handle(new FindEvent(query.eventId(), query.view()))
                .map(e -> IcsCalendar.publish(e.title()).add(entry(e)).toIcs());
    }

    private CalendarEntry entry(EventSummary e) {
        String location = e.venue() != null ? e.venue().name() + "（" + e.venue().address() + "）"
                : e.online() ? "オンライン" : null;
        String description = e.description() == null ? e.title() : e.description();
        if (e.statusReason() != null) {
            description = e.status() + ": " + e.statusReason() + "\n" + description;
        }
        return EventIcs.entry(e.eventId().value(), e.version(), e.status() == EventStatus.CANCELLED, e.title(),
                description, e.schedule(), location, EventIcs.page(baseUrl, e.eventId().value()),
                e.changedAt() == null ? java.time.Instant.EPOCH : e.changedAt());
    }

    @QueryHandler
    List<EventSummary> handle(ListEvents query) {
        List<Criteria> where = new ArrayList<>(visibleTo(query.view()));
        // overlaps the range: ends on or after its first day, starts on or before its last
        where.add(Criteria.where("endDate").gte(query.from().toString()));
        where.add(Criteria.where("startDate").lte(query.to().toString()));
        if (query.kind() != null) {
            where.add(Criteria.where("kind").is(query.kind().name()));
        }
        if (query.prefectureCode() != null) {
            where.add(Criteria.where("prefectureCode").is(query.prefectureCode()));
        }
        Query q = Query.query(new Criteria().andOperator(where)).with(Sort.by("startsAt", "_id")).limit(query.limit());
        boolean withUrl = query.view() == CalendarView.SECRETARIAT;
        return mongo.find(q, EventView.class).stream().map(v -> v.toSummary(withUrl)).toList();
    }

    @QueryHandler
    Optional<EventSummary> handle(FindEvent query) {
        List<Criteria> where = new ArrayList<>(visibleTo(query.view()));
        where.add(Criteria.where("_id").is(query.eventId().value()));
        EventView view = mongo.findOne(Query.query(new Criteria().andOperator(where)), EventView.class);
        return Optional.ofNullable(view).map(v -> v.toSummary(query.view() == CalendarView.SECRETARIAT));
    }

    @QueryHandler
    AttendanceReport handle(CountAttendance query) {
        Query q = Query.query(Criteria.where("fiscalYear").is(query.fiscalYear())
                                      .and("status").in(ANNOUNCED)
                                      .and("takesRegistrations").is(true))
                       .with(Sort.by("startsAt", "_id"));
        List<AttendanceReport.EventAttendance> events = mongo.find(q, EventView.class).stream()
                .map(v -> new AttendanceReport.EventAttendance(new jp.kodoku.platform.events.api.EventId(v.id), v.kind,
                        v.title, LocalDate.parse(v.startDate), v.status, v.confirmedRegistrations, v.confirmedSeats,
                        v.attendedSeats))
                .toList();
        return new AttendanceReport(query.fiscalYear(), LocalDate.of(query.fiscalYear(), 4, 1),
                LocalDate.of(query.fiscalYear() + 1, 3, 31), events,
                events.stream().mapToInt(AttendanceReport.EventAttendance::registrations).sum(),
                events.stream().mapToInt(AttendanceReport.EventAttendance::confirmedSeats).sum(),
                events.stream().mapToInt(AttendanceReport.EventAttendance::attendedSeats).sum());
    }

    private static List<Criteria> visibleTo(CalendarView view) {
        return switch (view) {
            case PUBLIC -> List.of(Criteria.where("status").in(ANNOUNCED),
                    Criteria.where("visibility").is(Visibility.PUBLIC.name()));
            case MEMBER -> List.of(Criteria.where("status").in(ANNOUNCED));
            case SECRETARIAT -> List.of();
        };
    }
}
