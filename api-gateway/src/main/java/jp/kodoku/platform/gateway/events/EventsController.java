package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.time.PlatformDates;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Events: the calendar (by month or as a list, per view), one event, and the secretariat's editing and decisions;
 * member admins propose events under a 強化月間 campaign. Every write answers with the new version as ETag.
 */
@RestController
@Tag(name = "Events", description = "Workshops, symposiums, campaigns, courses, 総会 and 幹事会; the calendar")
class EventsController {

    static final int LIMIT_MAX = 500;

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;
    private final CalendarFeedCache feeds;

    EventsController(Commands commands, Queries queries, IdempotentRequests idempotency, CalendarFeedCache feeds) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.feeds = feeds;
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/events")
    @Operation(summary = "The calendar: events the caller may see in a month (month=2026-05) or a date range "
            + "(from, to; default: today to a year ahead), soonest first; filter by kind and prefecture (JIS code)")
    List<EventSummary> list(@RequestParam(required = false) String month,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) EventKind kind,
                            @RequestParam(required = false) String prefecture,
                            @RequestParam(defaultValue = "100") int limit) {
        List<FieldViolation> violations = new ArrayList<>();
        CalendarRange range = CalendarRange.parse(month, from, to, violations);
        CalendarRange.checkPrefecture(prefecture, violations);
        CalendarRange.checkLimit(limit, LIMIT_MAX, violations);
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        CalendarView view = EventsAccess.viewOf(Caller.current());
        return queries.list(new ListEvents(view, range.first(), range.last(), kind, prefecture, limit), EventSummary.class);
    }

    @GetMapping("/api/v1/events/{id}")
    @Operation(summary = "One event, if the caller may see it (the online URL only for the secretariat; registered "
            + "people find it with their registration)")
    ResponseEntity<EventSummary> one(@PathVariable String id) {
        EventSummary event = find(id, EventsAccess.viewOf(Caller.current()));
        return ResponseEntity.ok().eTag(Versions.etag(event.version())).body(event);
    }

    @GetMapping(path = "/api/v1/events.ics", produces = "text/calendar")
    @Operation(summary = "The caller's calendar as an iCalendar feed (RFC 5545): a month ago to a year ahead; filter by "
            + "kind and prefecture. Stable UID, SEQUENCE, STATUS:CANCELLED, VTIMEZONE Asia/Tokyo; never an online URL. "
            + "ETag and If-None-Match (304)")
    ResponseEntity<byte[]> feed(@RequestParam(required = false) EventKind kind,
                                @RequestParam(required = false) String prefecture,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        List<FieldViolation> violations = new ArrayList<>();
        CalendarRange.checkPrefecture(prefecture, violations);
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        CalendarRange range = CalendarRange.ofFeed();
        RenderCalendarIcs feed = new RenderCalendarIcs(EventsAccess.viewOf(Caller.current()), range.first(),
                range.last(), kind, prefecture);
        return feeds.serve(feed, new CalendarFeedCache.Answer("events.ics", feed.view() == CalendarView.PUBLIC
                ? CalendarFeedCache.PUBLIC : CalendarFeedCache.PRIVATE, true), ifNoneMatch,
                () -> queries.one(feed, String.class));
    }

    @GetMapping(path = "/api/v1/events/{id}.ics", produces = "text/calendar")
    @Operation(summary = "One event as an .ics file, if the caller may see it")
    ResponseEntity<String> eventIcs(@PathVariable String id) {
        String ics = queries.optional(new RenderEventIcs(new EventId(id), EventsAccess.viewOf(Caller.current())),
                String.class).orElseThrow(() -> new NotFound("no such event"));
        return ics(ics, "event-" + id + ".ics");
    }

    static ResponseEntity<String> ics(String ics, String filename) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                             .header("X-Content-Type-Options", "nosniff").body(ics);
    }

    @GetMapping("/api/v1/event-attendance")
    @Operation(summary = "Secretariat: registrations and attendance per event of a fiscal year (年度, April–March)")
    AttendanceReport attendance(@RequestParam int fiscalYear) {
        Access.requireSecretariat();
        int latest = LocalDate.now(Schedule.JAPAN).getYear() + PlatformDates.YEARS_AHEAD;
        if (fiscalYear < PlatformDates.FOUNDED.getYear() - 1 || fiscalYear > latest) {
            throw new InvalidEventInput("fiscalYear", "must be between " + (PlatformDates.FOUNDED.getYear() - 1)
                    + " and " + latest);
        }
        return queries.one(new CountAttendance(fiscalYear), AttendanceReport.class);
    }

    // ---- the secretariat's editing --------------------------------------------------------------------------------

    @PostMapping("/api/v1/events")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: create an event as a draft (Idempotency-Key accepted)")
    @ApiResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = EventsRequests.Created.class)))
    ResponseEntity<?> create(@RequestBody EventDetails body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Access.requireSecretariat();
        return idempotency.run("events", idempotencyKey, body, () -> {
            EventId id = EventId.random();
            long version = commands.send(new ScheduleEvent(id, body));
            return ResponseEntity.created(URI.create("/api/v1/events/" + id)).eTag(Versions.etag(version))
                                 .body(new EventsRequests.Created(id.value(), EventStatus.DRAFT.name(), version));
        });
    }

    @PutMapping("/api/v1/events/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: replace the event's settings (a raised capacity promotes from the waitlist at "
            + "once; an announced event's time changes by rescheduling). Needs If-Match")
    ResponseEntity<EventsRequests.Written> revise(@PathVariable String id, @IfMatch(required = true) Long expectedVersion,
                                                  @RequestBody EventDetails body) {
        Access.requireSecretariat();
        return write(id, new ReviseEvent(new EventId(id), expectedVersion, body));
    }

    @PostMapping("/api/v1/events/{id}/publication")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: publish a draft (a symposium gets its number 第N回 now)")
    ResponseEntity<EventsRequests.Written> publish(@PathVariable String id, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new PublishEvent(new EventId(id), expectedVersion));
    }

    @PostMapping("/api/v1/events/{id}/rescheduling")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: move an announced event to another time, with a reason")
    ResponseEntity<EventsRequests.Written> reschedule(@PathVariable String id, @IfMatch Long expectedVersion,
                                                      @RequestBody EventsRequests.Rescheduling body) {
        Access.requireSecretariat();
        return write(id, new RescheduleEvent(new EventId(id), expectedVersion, body.schedule(), body.reason()));
    }

    @PostMapping("/api/v1/events/{id}/cancellation")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: cancel the event, with a reason; its registrations end")
    ResponseEntity<EventsRequests.Written> cancel(@PathVariable String id, @IfMatch Long expectedVersion,
                                                  @RequestBody EventsRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new CancelEvent(new EventId(id), expectedVersion, body.reason()));
    }

    @PostMapping("/api/v1/events/{id}/finish")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: record that the event took place (after its start); attendance can follow")
    ResponseEntity<EventsRequests.Written> finish(@PathVariable String id, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new FinishEvent(new EventId(id), expectedVersion));
    }

    // ---- campaign events ------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/campaigns/{campaignId}/events")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Member admin: propose an event the organization hosts under a 強化月間 campaign "
            + "(kind CAMPAIGN_EVENT; the organization becomes an organizer); the secretariat decides")
    @ApiResponse(responseCode = "201", description = "Proposed",
            content = @Content(schema = @Schema(implementation = EventsRequests.Created.class)))
    ResponseEntity<?> propose(@PathVariable String campaignId, @RequestBody EventDetails body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Caller caller = Caller.current();
        if (!caller.roles().contains(Caller.MEMBER_ADMIN) || caller.organizationId() == null) {
            throw new AccessDeniedException("only a member organization's admin proposes campaign events");
        }
        if (body.campaignId() != null && !body.campaignId().value().equals(campaignId)) {
            throw new InvalidEventInput("campaignId", "must be the campaign of the path, or absent");
        }
        // the proposing organization hosts what it proposes, whether or not the body says so
        OrganizationId proposer = new OrganizationId(caller.organizationId());
        List<OrganizationId> organizers = new ArrayList<>(body.organizerOrganizations());
        if (!organizers.contains(proposer)) {
            organizers.add(0, proposer);
        }
        EventDetails details = new EventDetails(body.kind(), body.title(), body.description(), body.courseLevel(),
                new EventId(campaignId), body.secretariatOrganizes(), organizers, body.schedule(),
                body.venue(), body.onlineUrl(), body.visibility(), body.registration());
        return idempotency.run("campaign-events", idempotencyKey, body, () -> {
            EventId id = EventId.random();
            long version = commands.send(new ProposeCampaignEvent(id, proposer, details));
            return ResponseEntity.created(URI.create("/api/v1/events/" + id)).eTag(Versions.etag(version))
                                 .body(new EventsRequests.Created(id.value(), EventStatus.PROPOSED.name(), version));
        });
    }

    @PostMapping("/api/v1/events/{id}/approval")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: approve a proposed campaign event (publishes it)")
    ResponseEntity<EventsRequests.Written> approve(@PathVariable String id, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new ApproveCampaignEvent(new EventId(id), expectedVersion));
    }

    @PostMapping("/api/v1/events/{id}/rejection")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: refuse a proposed campaign event, with a reason")
    ResponseEntity<EventsRequests.Written> reject(@PathVariable String id, @IfMatch Long expectedVersion,
                                                  @RequestBody EventsRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new RejectCampaignEvent(new EventId(id), expectedVersion, body.reason()));
    }

    private EventSummary find(String id, CalendarView view) {
        return queries.optional(new FindEvent(new EventId(id), view), EventSummary.class)
                      .orElseThrow(() -> new NotFound("no such event (a new one may take a moment to appear)"));
    }

    private ResponseEntity<EventsRequests.Written> write(String id, Object command) {
        return commands.write(command, version -> new EventsRequests.Written(id, version));
    }
}
