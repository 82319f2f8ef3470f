package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.feedtokens.FeedOwner;
import jp.kodoku.platform.gateway.feedtokens.FeedToken;
import jp.kodoku.platform.gateway.feedtokens.FeedTokens;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unified calendar: events and subcommittee meetings in one list or feed, as the caller's view sees them (public,
 * member, secretariat), and the feeds behind personal tokens ({@code webcal://}): the token names whose view the feed
 * shows, so a calendar app needs no sign-in. An unknown or revoked token is "not found", like a page that never was.
 */
@RestController
@Tag(name = "Calendar", description = "The unified calendar of events and subcommittee meetings, and its feeds")
class CalendarController {

    /** The kind filter's value for subcommittee meetings (besides the event kinds). */
    static final String MEETING = "MEETING";

    private final FeedTokens tokens;
    private final Queries queries;
    private final CalendarFeedCache feeds;

    CalendarController(FeedTokens tokens, Queries queries, CalendarFeedCache feeds) {
        this.tokens = tokens;
        this.queries = queries;
        this.feeds = feeds;
    }

    // ---- the caller's view -------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/calendar")
    @Operation(summary = "The unified calendar (events and subcommittee meetings) the caller may see, in a month "
            + "(month=2026-05) or a date range (from, to; default: today to a year ahead), soonest first; kind = an "
            + "event kind or MEETING; prefecture (JIS code) selects events held there")
    List<CalendarItem> list(@RequestParam(required = false) String month,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String kind,
                            @RequestParam(required = false) String prefecture,
                            @RequestParam(defaultValue = "100") int limit) {
        List<FieldViolation> violations = new ArrayList<>();
        CalendarRange range = CalendarRange.parse(month, from, to, violations);
        EventKind eventKind = eventKind(kind, violations);
        CalendarRange.checkPrefecture(prefecture, violations);
        CalendarRange.checkLimit(limit, EventsController.LIMIT_MAX, violations);
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        return queries.list(selection(FeedOwner.current(), range, eventKind, MEETING.equals(kind), prefecture, limit),
                CalendarItem.class);
    }

    @GetMapping(path = "/api/v1/calendar.ics", produces = "text/calendar")
    @Operation(summary = "The caller's unified calendar as an iCalendar feed (RFC 5545), a month ago to a year ahead; "
            + "without a token the public calendar (public events, public meetings). Filters as the list. ETag and "
            + "If-None-Match (304)")
    ResponseEntity<byte[]> feed(@RequestParam(required = false) String kind,
                                @RequestParam(required = false) String prefecture,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        List<FieldViolation> violations = new ArrayList<>();
        EventKind eventKind = eventKind(kind, violations);
        CalendarRange.checkPrefecture(prefecture, violations);
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        FeedOwner caller = FeedOwner.current();
        return ics(selection(caller, CalendarRange.ofFeed(), eventKind, MEETING.equals(kind), prefecture,
                FEED_LIMIT), true, ifNoneMatch);
    }

    // ---- personal feeds behind tokens --------------------------------------------------------------------------------

    @GetMapping(path = "/api/v1/calendar/feeds/{token}.ics", produces = "text/calendar")
    @Operation(summary = "A personal calendar feed (no sign-in: the token is the credential): its owner's view of the "
            + "unified calendar a month ago to a year ahead (feed calendar), or all of a subcommittee's meetings "
            + "(feed subcommittee-meetings, while its owner is still inside the subcommittee). ETag and If-None-Match "
            + "(304)")
    ResponseEntity<byte[]> personal(@PathVariable String token,
                                    @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        // the token is looked up on every request, before any kept feed: a revoked one opens nothing at once
        Optional<FeedToken> personal = tokens.resolve(token, CalendarFeeds.PERSONAL);
        if (personal.isPresent()) {
            FeedOwner owner = personal.get().owner();
            return ics(selection(owner, CalendarRange.ofFeed(), null, false, null, FEED_LIMIT), false, ifNoneMatch);
        }
        return subcommitteeFeed(tokens.resolve(token, CalendarFeeds.SUBCOMMITTEE_MEETINGS)
                                      .orElseThrow(() -> new NotFound("no such feed")), ifNoneMatch);
    }

    // ---- a subcommittee's meetings (issue 11) ------------------------------------------------------------------------

    @GetMapping(path = "/api/v1/subcommittees/{subcommitteeId}/meetings.ics", produces = "text/calendar")
    @Operation(summary = "A subcommittee's public meetings as an iCalendar feed (anyone); its members subscribe to all "
            + "its meetings through a personal feed token (feed subcommittee-meetings). ETag and If-None-Match (304)")
    ResponseEntity<byte[]> publicMeetings(@PathVariable String subcommitteeId,
                                          @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        if (!CalendarFeeds.SUBCOMMITTEE.matcher(subcommitteeId).matches()) {
            throw new NotFound("no such subcommittee");
        }
        RenderSubcommitteeMeetingsIcs feed = new RenderSubcommitteeMeetingsIcs(subcommitteeId, false);
        return feeds.serve(feed, new CalendarFeedCache.Answer(subcommitteeId + ".ics", CalendarFeedCache.PUBLIC, false),
                ifNoneMatch, () -> queries.optional(feed, String.class)
                                          .orElseThrow(() -> new NotFound("no such subcommittee")));
    }

    /**
     * A token's feed. A subcommittee feed is served only while its owner is still inside (a member organization's
     * staff, its chair, the secretariat): an organization that leaves stops receiving it without a revocation.
     */
    private ResponseEntity<byte[]> subcommitteeFeed(FeedToken token, String ifNoneMatch) {
        boolean inside = CalendarFeeds.subcommittee(queries, token.scope())
                                      .map(s -> CalendarFeeds.insider(token.owner(), s)).orElse(false);
        if (!inside) {
            throw new NotFound("no such feed");
        }
        RenderSubcommitteeMeetingsIcs feed = new RenderSubcommitteeMeetingsIcs(token.scope(), true);
        return feeds.serve(feed, new CalendarFeedCache.Answer(token.scope() + ".ics", CalendarFeedCache.PRIVATE, false),
                ifNoneMatch, () -> queries.optional(feed, String.class).orElseThrow(() -> new NotFound("no such feed")));
    }

    // ---- shared ------------------------------------------------------------------------------------------------------

    /** A feed holds at most this many entries (a month back, a year ahead: far more than the platform holds). */
    static final int FEED_LIMIT = 2000;

    /** What a reader sees: the view of their roles, their organization's subcommittees and the one they chair. */
    static ListCalendar selection(FeedOwner reader, CalendarRange range, EventKind kind, boolean meetingsOnly,
                                  String prefecture, int limit) {
        CalendarView view = EventsAccess.viewOf(reader.asCaller());
        return new ListCalendar(view, view == CalendarView.MEMBER ? reader.organizationId() : null,
                view == CalendarView.MEMBER ? reader.subcommitteeId() : null, range.first(), range.last(), kind,
                meetingsOnly, prefecture, limit);
    }

    /**
     * A view's feed. Only the public view may be kept by shared caches; a bearer token's view varies with the
     * Authorization header ({@code byBearer}), a personal token's with the URL.
     */
    private ResponseEntity<byte[]> ics(ListCalendar selection, boolean byBearer, String ifNoneMatch) {
        String name = switch (selection.view()) {
            case PUBLIC -> "孤独・孤立対策官民連携プラットフォーム カレンダー";
            case MEMBER -> "孤独・孤立対策官民連携プラットフォーム カレンダー（会員）";
            case SECRETARIAT -> "孤独・孤立対策官民連携プラットフォーム カレンダー（事務局）";
        };
        RenderUnifiedCalendarIcs feed = new RenderUnifiedCalendarIcs(selection, name);
        boolean publicView = byBearer && selection.view() == CalendarView.PUBLIC;
        return feeds.serve(feed, new CalendarFeedCache.Answer("calendar.ics",
                        publicView ? CalendarFeedCache.PUBLIC : CalendarFeedCache.PRIVATE, byBearer),
                ifNoneMatch, () -> queries.one(feed, String.class));
    }

    private static EventKind eventKind(String kind, List<FieldViolation> violations) {
        if (kind == null || MEETING.equals(kind)) {
            return null;
        }
        try {
            return EventKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("kind", "must be MEETING or one of " + List.of(EventKind.values())));
            return null;
        }
    }
}
