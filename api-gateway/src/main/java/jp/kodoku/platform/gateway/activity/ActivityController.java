package jp.kodoku.platform.gateway.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.activity.api.*;
import jp.kodoku.platform.gateway.feedtokens.FeedKind;
import jp.kodoku.platform.gateway.feedtokens.FeedOwner;
import jp.kodoku.platform.gateway.feedtokens.FeedToken;
import jp.kodoku.platform.gateway.feedtokens.FeedTokens;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.time.PlatformDates;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The activity feed: what happened across the platform, newest first, as the caller may read it, in cursor pages; and
 * the public feed as Atom and JSON Feed files; a personal feed (what its owner reads signed in) behind a revocable
 * token URL, made and revoked through {@code /api/v1/feed-tokens} with {@code "feed": "activity"}.
 */
@RestController
@Tag(name = "Activity", description = "The activity feed (活動の記録): new members, subcommittees, meetings, events")
class ActivityController {

    static final int FEED_SIZE = 50;
    static final String PERSONAL = "activity";
    private static final Pattern ORGANIZATION = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final Pattern SUBCOMMITTEE = Pattern.compile("^bunkakai-[1-9][0-9]{0,2}$");

    private final Queries queries;
    private final ActivityFeeds feeds;
    private final FeedTokens tokens;
    private final PublicFeedCache cache;
    private final Clock clock = Clock.systemUTC();

    ActivityController(Queries queries, ActivityFeeds feeds, FeedTokens tokens, PublicFeedCache cache) {
        this.queries = queries;
        this.feeds = feeds;
        this.tokens = tokens;
        this.cache = cache;
    }

    /**
     * The personal activity feed: a member admin's, a chair's or the secretariat's view. The public has the public
     * feed and needs no token. The token opens the Atom file at {@link #path}; the same token with {@code .json} opens
     * the JSON Feed.
     */
    @Bean
    static FeedKind personalActivityFeed() {
        return new FeedKind() {
            @Override
            public String name() {
                return PERSONAL;
            }

            @Override
            public String path(String token) {
                return "/api/v1/feed/personal/" + token + ".atom";
            }

            @Override
            public void checkMayIssue(FeedOwner owner, String scope) {
                if (scope != null) {
                    throw new InvalidInput("scope", "the personal activity feed takes no scope");
                }
                if (!owner.isSecretariat() && owner.organizationId() == null && owner.subcommitteeId() == null) {
                    throw new AccessDeniedException("a personal activity feed is for member admins, chairs and the secretariat");
                }
            }
        };
    }

    @GetMapping("/api/v1/feed")
    @Operation(summary = "The activity feed as the caller may read it, newest first: a page of entries and the cursor "
            + "of the next (older) page. Filters: kind (repeatable), organization, subcommittee (bunkakai-3), from and "
            + "to (a date, Japan time, or a date-time with offset; from inclusive, to exclusive)")
    ActivityPage list(@RequestParam(required = false) List<ActivityKind> kind,
                      @RequestParam(required = false) String organization,
                      @RequestParam(required = false) String subcommittee,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "50") int limit) {
        List<FieldViolation> violations = new ArrayList<>();
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            violations.add(new FieldViolation("organization", "must be an organization id"));
        }
        if (subcommittee != null && !SUBCOMMITTEE.matcher(subcommittee).matches()) {
            violations.add(new FieldViolation("subcommittee", "must be a subcommittee id such as bunkakai-3"));
        }
        Instant first = instant("from", from, violations);
        Instant last = instant("to", to, violations);
        if (first != null && last != null && !first.isBefore(last)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        if (limit < 1 || limit > ListActivity.LIMIT_MAX) {
            violations.add(new FieldViolation("limit", "must be between 1 and " + ListActivity.LIMIT_MAX));
        }
        ActivityCursor after = null;
        if (cursor != null) {
            try {
                after = ActivityCursor.parse(cursor);
            } catch (InvalidActivityInput e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidActivityInput(violations);
        }
        Set<ActivityKind> kinds = kind == null || kind.isEmpty() ? Set.of() : EnumSet.copyOf(kind);
        return queries.one(new ListActivity(ActivityAccess.viewerOfCaller(), kinds, organization,
                subcommittee, first, last, after, limit), ActivityPage.class);
    }

    @GetMapping(path = "/api/v1/feed.atom", produces = "application/atom+xml")
    @Operation(summary = "The public feed as Atom (RFC 4287): the newest 50 public entries, whoever asks; kept for a "
            + "few seconds (platform.activity.public-feed-ttl), with an ETag")
    ResponseEntity<String> atom(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        return cached(cache.get("atom", () -> feeds.atom(publicFeed("/api/v1/feed.atom"))), ActivityFeeds.ATOM, ifNoneMatch);
    }

    @GetMapping(path = "/api/v1/feed.json", produces = "application/feed+json")
    @Operation(summary = "The public feed as JSON Feed 1.1: the newest 50 public entries, whoever asks; kept like the "
            + "Atom file")
    ResponseEntity<String> jsonFeed(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        return cached(cache.get("json", () -> feeds.jsonFeed(publicFeed("/api/v1/feed.json"))), ActivityFeeds.JSON_FEED,
                ifNoneMatch);
    }

    /** The kept file, or 304 when the reader has it already; readers may keep it a minute. */
    private static ResponseEntity<String> cached(PublicFeedCache.Written file, String contentType, String ifNoneMatch) {
        if (file.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(file.etag()).build();
        }
        return ResponseEntity.ok().header("Content-Type", contentType).eTag(file.etag())
                             .header("Cache-Control", "public, max-age=60").body(file.body());
    }

    @GetMapping(path = "/api/v1/feed/personal/{token}.atom", produces = "application/atom+xml")
    @Operation(summary = "A personal activity feed as Atom (no sign-in: the token is the credential): the newest 50 "
            + "entries its owner reads signed in; revoked tokens answer 404")
    ResponseEntity<String> personalAtom(@PathVariable String token) {
        return ResponseEntity.ok().header("Content-Type", ActivityFeeds.ATOM)
                             .body(feeds.atom(personalFeed(token, "/api/v1/feed/personal/" + token + ".atom")));
    }

    @GetMapping(path = "/api/v1/feed/personal/{token}.json", produces = "application/feed+json")
    @Operation(summary = "A personal activity feed as JSON Feed 1.1 (the same token as its Atom file)")
    ResponseEntity<String> personalJsonFeed(@PathVariable String token) {
        return ResponseEntity.ok().header("Content-Type", ActivityFeeds.JSON_FEED)
                             .body(feeds.jsonFeed(personalFeed(token, "/api/v1/feed/personal/" + token + ".json")));
    }

    private ActivityFeeds.Feed personalFeed(String token, String selfPath) {
        FeedToken feed = tokens.resolve(token, PERSONAL).orElseThrow(() -> new NotFound("no such feed"));
        ActivityViewer viewer = ActivityAccess.viewerOf(feed.owner());
        ActivityPage page = queries.one(new ListActivity(viewer, Set.of(), null, null, null, null, null, FEED_SIZE),
                ActivityPage.class);
        return new ActivityFeeds.Feed("孤独・孤立対策官民連携プラットフォームの動き（個人用）", selfPath, "/activity",
                page.entries());
    }

    /** The public feed is the same for everyone, signed in or not: it is the file a feed reader shares. */
    private ActivityFeeds.Feed publicFeed(String selfPath) {
        ActivityPage page = queries.one(ListActivity.latestPublic(FEED_SIZE), ActivityPage.class);
        return new ActivityFeeds.Feed("孤独・孤立対策官民連携プラットフォームの動き", selfPath, "/activity", page.entries());
    }

    /** A date (its start in Japan) or a date-time with offset, within the platform's dates. */
    private Instant instant(String field, String text, List<FieldViolation> violations) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                String problem = PlatformDates.problem(date, clock);
                if (problem != null) {
                    violations.add(new FieldViolation(field, problem));
                    return null;
                }
                return date.atStartOfDay(PlatformDates.JAPAN).toInstant();
            }
            OffsetDateTime at = OffsetDateTime.parse(text);
            String problem = PlatformDates.problem(at.atZoneSameInstant(PlatformDates.JAPAN).toLocalDate(), clock);
            if (problem != null) {
                violations.add(new FieldViolation(field, problem));
                return null;
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a date (2026-04-01) or a date-time with offset "
                    + "(2026-04-01T09:00:00+09:00)"));
            return null;
        }
    }
}
