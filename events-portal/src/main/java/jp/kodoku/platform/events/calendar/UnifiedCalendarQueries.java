package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.EventIcs;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.calendar.CalendarEntry;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The unified calendar: events ({@code events}) and subcommittee meetings ({@code calendar_meetings}) in one list or
 * feed per view. The public sees public events and public meetings; a member also members-only events and the meetings
 * of its subcommittees (and a chair those of the subcommittee chaired); the secretariat everything.
 */
@Component
class UnifiedCalendarQueries {

    private final MongoTemplate mongo;
    private final CalendarQueries events;
    private final String baseUrl;

    UnifiedCalendarQueries(MongoTemplate mongo, CalendarQueries events,
                           @Value("${platform.events.base-url:http://localhost:8080}") String baseUrl) {
        this.mongo = mongo;
        this.events = events;
        this.baseUrl = baseUrl;
    }

    @QueryHandler
    List<CalendarItem> handle(ListCalendar query) {
        Map<String, CalendarSubcommittee> subcommittees = subcommittees();
        Stream<CalendarItem> eventItems = query.meetingsOnly() ? Stream.empty()
                : events.handle(new ListEvents(query.view(), query.from(), query.to(), query.kind(), query.prefectureCode(),
                        query.limit())).stream().map(this::item);
        Stream<CalendarItem> meetingItems = query.kind() != null || query.prefectureCode() != null ? Stream.empty()
                : meetings(query, subcommittees).stream().map(m -> item(m, subcommittees.get(m.subcommitteeId)));
        return Stream.concat(eventItems, meetingItems)
                     .sorted(Comparator.comparing((CalendarItem i) -> startsAt(i.schedule())).thenComparing(CalendarItem::id))
                     .limit(query.limit()).toList();
    }

    @QueryHandler
    String handle(RenderUnifiedCalendarIcs query) {
        return IcsCalendar.publish(query.name()).addAll(handle(query.selection()).stream().map(this::entry).toList()).toIcs();
    }

    @QueryHandler
    Optional<String> handle(RenderSubcommitteeMeetingsIcs query) {
        CalendarSubcommittee subcommittee = mongo.findById(query.subcommitteeId(), CalendarSubcommittee.class);
        if (subcommittee == null) {
            return Optional.empty();
        }
        Criteria where = Criteria.where("subcommitteeId").is(query.subcommitteeId());
        if (!query.membersView()) {
            where = where.and("publicMeeting").is(true);
        }
        List<CalendarEntry> entries = mongo.find(Query.query(where).with(Sort.by("startsAt", "_id")), CalendarMeeting.class)
                                           .stream().map(m -> entry(item(m, subcommittee))).toList();
        String name = "分科会" + subcommittee.number + " " + subcommittee.title + (query.membersView() ? "（会員）" : "");
        return Optional.of(IcsCalendar.publish(name).addAll(entries).toIcs());
    }

    private List<CalendarMeeting> meetings(ListCalendar query, Map<String, CalendarSubcommittee> subcommittees) {
        List<Criteria> where = new ArrayList<>();
        where.add(Criteria.where("endDate").gte(query.from().toString()));
        where.add(Criteria.where("startDate").lte(query.to().toString()));
        switch (query.view()) {
            case PUBLIC -> where.add(Criteria.where("publicMeeting").is(true));
            case MEMBER -> where.add(new Criteria().orOperator(Criteria.where("publicMeeting").is(true),
                    Criteria.where("subcommitteeId").in(own(query, subcommittees))));
            case SECRETARIAT -> {
            }
        }
        Query q = Query.query(new Criteria().andOperator(where)).with(Sort.by("startsAt", "_id")).limit(query.limit());
        return mongo.find(q, CalendarMeeting.class);
    }

    /** The subcommittees whose meetings a member sees: its organization's, and the one it chairs. */
    private static Set<String> own(ListCalendar query, Map<String, CalendarSubcommittee> subcommittees) {
        Set<String> own = new HashSet<>();
        if (query.organizationId() != null) {
            subcommittees.values().stream().filter(s -> s.members.contains(query.organizationId()))
                         .forEach(s -> own.add(s.id));
        }
        if (query.chairedSubcommittee() != null) {
            own.add(query.chairedSubcommittee());
        }
        return own;
    }

    /** A handful of documents (one per subcommittee): read whole. */
    private Map<String, CalendarSubcommittee> subcommittees() {
        return mongo.findAll(CalendarSubcommittee.class).stream()
                    .collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    private CalendarItem item(EventSummary e) {
        String place = e.venue() == null ? null : e.venue().name() + "（" + e.venue().address() + "）";
        return new CalendarItem(CalendarItem.EVENT, e.eventId().value(), e.title(), e.description(), e.kind(), null, null, e.schedule(),
                e.status().name(), e.statusReason(), place, e.venue() == null ? null : e.venue().prefectureCode(),
                e.online(), e.visibility() == Visibility.PUBLIC, EventIcs.page(baseUrl, e.eventId().value()).toString(),
                (int) Math.max(0, e.version()), e.changedAt());
    }

    private CalendarItem item(CalendarMeeting m, CalendarSubcommittee subcommittee) {
        Schedule schedule = new Schedule(LocalDate.parse(m.startDate), m.startTime == null ? null : LocalTime.parse(m.startTime),
                LocalDate.parse(m.endDate), m.endTime == null ? null : LocalTime.parse(m.endTime));
        String title = subcommittee == null ? m.title : "分科会" + subcommittee.number + " " + m.title;
        return new CalendarItem(CalendarItem.MEETING, m.id, title, null, null, m.subcommitteeId,
                subcommittee == null ? null : subcommittee.title, schedule, m.status, m.reason, m.venue, null, m.online,
                m.publicMeeting, baseUrl + "/api/v1/subcommittees/" + m.subcommitteeId + "/meetings",
                (int) Math.max(0, m.version), m.changedAt == null ? Instant.EPOCH : Instant.parse(m.changedAt));
    }

    /**
     * An entry of a feed. Events keep the UID their mails use ({@link EventIcs}); meetings the one the subcommittees'
     * invitations use ({@code meeting-<id>@kodoku-platform}, SEQUENCE the meeting's version), so that a client that
     * has both the invitation and the feed holds one entry.
     */
    private CalendarEntry entry(CalendarItem i) {
        String location = i.place() != null ? i.place() : i.online() ? "オンライン" : null;
        String description = i.description() == null ? i.title() : i.description();
        if (i.statusReason() != null) {
            description = i.status() + ": " + i.statusReason() + "\n" + description;
        }
        boolean cancelled = EventStatus.CANCELLED.name().equals(i.status());
        Instant changedAt = i.changedAt() == null ? Instant.EPOCH : i.changedAt();
        if (CalendarItem.EVENT.equals(i.type())) {
            return EventIcs.entry(i.id(), i.sequence(), cancelled, i.title(), description, i.schedule(), location,
                    URI.create(i.page()), changedAt);
        }
        Schedule s = i.schedule();
        CalendarEntry.Time time = s.wholeDay() ? new CalendarEntry.WholeDays(s.startDate(), s.endDate())
                : new CalendarEntry.Timed(s.startDate().atTime(s.startTime()),
                        s.endDate().atTime(s.endTime() == null ? LocalTime.MAX : s.endTime()));
        return new CalendarEntry("meeting-" + i.id() + "@kodoku-platform", i.sequence(), cancelled, i.title(),
                description, URI.create(i.page()), location, changedAt, time);
    }

    private static Instant startsAt(Schedule s) {
        return s.startsAt();
    }
}
