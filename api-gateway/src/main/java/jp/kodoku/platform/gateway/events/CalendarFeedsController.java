package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.events.api.RenderCalendarIcs;
import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.gateway.feedtokens.FeedKind;
import jp.kodoku.platform.gateway.feedtokens.FeedOwner;
import jp.kodoku.platform.gateway.feedtokens.FeedToken;
import jp.kodoku.platform.gateway.feedtokens.FeedTokens;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Calendars behind personal feed tokens ({@code webcal://}): the token names whose view the feed shows, so a
 * calendar app needs no sign-in. An unknown or revoked token is "not found", like a page that never was.
 */
@RestController
@Tag(name = "Calendar", description = "The unified calendar of events and subcommittee meetings, and its feeds")
class CalendarFeedsController {

    static final String PERSONAL = "calendar";

    private final FeedTokens tokens;
    private final Queries queries;

    CalendarFeedsController(FeedTokens tokens, Queries queries) {
        this.tokens = tokens;
        this.queries = queries;
    }

    /** The personal calendar: what its owner sees when signed in. Anyone who may hold feed tokens may have one. */
    @Bean
    static FeedKind personalCalendarFeed() {
        return new FeedKind() {
            @Override
            public String name() {
                return PERSONAL;
            }

            @Override
            public String path(String token) {
                return "/api/v1/calendar/feeds/" + token + ".ics";
            }

            @Override
            public void checkMayIssue(FeedOwner owner, String scope) {
                if (scope != null) {
                    throw new InvalidInput("scope", "the personal calendar takes no scope");
                }
            }
        };
    }

    @GetMapping(path = "/api/v1/calendar/feeds/{token}.ics", produces = "text/calendar")
    @Operation(summary = "A personal calendar feed (no sign-in: the token is the credential): its owner's view, a "
            + "month ago to a year ahead")
    ResponseEntity<String> personal(@PathVariable String token) {
        FeedToken feed = tokens.resolve(token, PERSONAL).orElseThrow(() -> new NotFound("no such feed"));
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        String ics = queries.one(new RenderCalendarIcs(EventsAccess.viewOf(feed.owner().asCaller()),
                today.minusMonths(1), today.plusYears(1), null, null), String.class);
        return EventsController.ics(ics, "calendar.ics");
    }
}
