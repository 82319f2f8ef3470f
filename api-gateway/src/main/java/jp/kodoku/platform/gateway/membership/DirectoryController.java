package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.*;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The public directory of members and the published membership figures. No token needed. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Public directory of members (published fields only) and statistics")
class DirectoryController {

    /** Search text is plain text; anything that looks like a query document is refused rather than guessed at. */
    private static final Pattern OPERATOR_LIKE = Pattern.compile("[${}]");

    private final Queries queries;

    DirectoryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/directory")
    @Operation(summary = "List active members: filters combine with AND, repeated values of one filter with OR")
    DirectoryPage list(
            @Parameter(description = "Part of the name or its reading; hiragana, katakana and both widths match alike",
                    example = "ライフリンク") @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<MemberCategory> category,
            @RequestParam(required = false) Set<BodyType> bodyType,
            @Parameter(description = "JIS X 0401 code; nationwide members match every prefecture", example = "13")
            @RequestParam(required = false) Set<String> prefecture,
            @RequestParam(required = false) Set<FieldOfActivity> field,
            @RequestParam(required = false) Set<TargetGroup> targetGroup,
            @RequestParam(required = false) Set<ConsultationCapability> capability,
            @Parameter(description = "Only steering members (幹事団体), or only the others")
            @RequestParam(required = false) Boolean steeringMember,
            @RequestParam(defaultValue = "READING") DirectorySort sort,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "1–100") @RequestParam(defaultValue = "20") int limit) {
        check(q, prefecture, limit, cursor);
        DirectoryFilter filter = new DirectoryFilter(q, category, bodyType, prefecture, field, targetGroup, capability,
                steeringMember);
        return queries.one(new ListDirectory(filter, sort, cursor, limit), DirectoryPage.class);
    }

    /** The directory's own limits on a search, for the API and the directory page alike. */
    static void check(String q, Set<String> prefecture, int limit, String cursor) {
        List<FieldViolation> violations = new ArrayList<>();
        if (q != null && (q.length() > 100 || OPERATOR_LIKE.matcher(q).find())) {
            violations.add(new FieldViolation("q", "must be plain text of at most 100 characters"));
        }
        if (prefecture != null) {
            prefecture.stream().filter(code -> !Prefecture.isValidCode(code)).forEach(code -> violations.add(
                    new FieldViolation("prefecture", "'" + code + "' is not a JIS X 0401 prefecture code (01–47)")));
        }
        if (limit < 1 || limit > 100) {
            violations.add(new FieldViolation("limit", "must be between 1 and 100"));
        }
        if (cursor != null && cursor.length() > 500) {
            violations.add(new FieldViolation("cursor", "is not a cursor of this listing"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
    }

    @GetMapping("/directory/{organizationId}")
    @Operation(summary = "One member as published in the directory")
    DirectoryEntry one(@PathVariable String organizationId) {
        return queries.optional(new FindDirectoryEntry(new OrganizationId(organizationId)), DirectoryEntry.class)
                      .orElseThrow(() -> new NotFound("no published member with this id"));
    }

    @GetMapping("/statistics/members")
    @Operation(operationId = "statisticsMembers",
            summary = "Members per category on a date (default: today in Japan), computed from the history")
    ResponseEntity<MemberCounts> members(
            @Parameter(example = "2022-12-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.of("Asia/Tokyo"));
        jp.kodoku.platform.infra.time.PlatformDates.requireInRange("asOf", date, java.time.Clock.systemUTC());
        MemberCounts counts = queries.one(new CountMembersByCategory(date), MemberCounts.class);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(counts);
    }
}
