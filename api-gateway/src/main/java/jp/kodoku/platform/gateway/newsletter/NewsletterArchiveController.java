package jp.kodoku.platform.gateway.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The public archive of the newsletter: the issues that went out to everyone (audience ALL or PUBLIC; an issue for
 * members only is never here), each without its members-only items and without anything of any recipient; and the
 * same as an Atom feed.
 */
@RestController
@Tag(name = "Newsletter archive", description = "Sent issues anyone may read; Atom feed")
class NewsletterArchiveController {

    static final int FEED_ENTRIES = 20;
    static final int LIST_MAX = 200;
    private static final int FIRST_FISCAL_YEAR = 2021;

    private final Queries queries;
    private final NewsletterArchiveFeed feed;

    NewsletterArchiveController(Queries queries, NewsletterArchiveFeed feed) {
        this.queries = queries;
        this.feed = feed;
    }

    @GetMapping("/api/v1/newsletter/archive")
    @Operation(summary = "Anyone: the issues sent to everyone, newest first; fiscalYear (April–March, e.g. 2025) "
            + "narrows them to one year")
    List<ArchivedIssueSummary> list(@RequestParam(required = false) Integer fiscalYear) {
        return queries.list(new ListArchivedIssues(fiscalYear(fiscalYear), LIST_MAX), ArchivedIssueSummary.class);
    }

    @GetMapping("/api/v1/newsletter/archive/{id}")
    @Operation(summary = "Anyone: one issue of the archive by its number (第N号), its public sections and items")
    ArchivedIssue one(@PathVariable("id") String number) {
        return find(number(number));
    }

    @GetMapping(path = NewsletterArchiveFeed.SELF, produces = "application/atom+xml")
    @Operation(summary = "Anyone: the archive as Atom (RFC 4287): the newest 20 issues sent to everyone, with "
            + "their public sections as HTML")
    ResponseEntity<String> atom() {
        List<ArchivedIssue> issues = queries.list(new ListArchivedIssues(null, FEED_ENTRIES), ArchivedIssueSummary.class)
                                            .stream().map(s -> find(s.number())).toList();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, NewsletterArchiveFeed.ATOM)
                             .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                             .body(feed.atom(issues));
    }

    ArchivedIssue find(int number) {
        return queries.optional(new FindArchivedIssue(number), ArchivedIssue.class)
                      .orElseThrow(() -> new NotFound("the archive has no issue 第" + number + "号"));
    }

    /** A number as the path gives it; anything else is no issue of the archive. */
    static int number(String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,5}")) {
            throw new NotFound("the archive has no issue " + (number == null ? "" : number.substring(0, Math.min(10, number.length()))));
        }
        return Integer.parseInt(number);
    }

    static Integer fiscalYear(Integer fiscalYear) {
        if (fiscalYear != null && (fiscalYear < FIRST_FISCAL_YEAR || fiscalYear > 2100)) {
            throw new InvalidNewsletterInput("fiscalYear", "must be a fiscal year from " + FIRST_FISCAL_YEAR);
        }
        return fiscalYear;
    }
}
