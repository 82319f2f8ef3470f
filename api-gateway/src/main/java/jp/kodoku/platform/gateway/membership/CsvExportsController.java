package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.ExcelCsv;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.time.PlatformDates;
import jp.kodoku.platform.membership.api.*;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV downloads for the secretariat's spreadsheets (Excel in Japan): the list of organizations, filtered as the
 * secretariat's list is, every page of it; and the membership figures on a date. Separate paths rather than content
 * negotiation, so a link in a browser downloads the file and the JSON endpoints keep one answer each.
 */
@RestController
@Tag(name = "CSV", description = "Downloads for the secretariat's spreadsheets (UTF-8 with BOM, CRLF, Japanese header)")
class CsvExportsController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter EXCEL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The largest page the list serves; the export reads them all. */
    private static final int PAGE = 100;
    private static final Map<OrganizationStatus, String> STATUS_LABELS = Map.of(
            OrganizationStatus.APPLIED, "申請中", OrganizationStatus.RETURNED_FOR_CHANGES, "差戻し",
            OrganizationStatus.REJECTED, "却下", OrganizationStatus.ACTIVE, "在籍",
            OrganizationStatus.SUSPENDED, "資格停止", OrganizationStatus.WITHDRAWN, "退会");

    private final Queries queries;

    CsvExportsController(Queries queries) {
        this.queries = queries;
    }

    /**
     * The columns of the secretariat's list line, in Japanese, without the stream version (a technical detail) and
     * the last decision note (the secretariat's free-text reasoning, which should not travel in spreadsheets), then
     * the rest of each organization's profile in the columns and words of the import ({@link OrganizationImportRows}),
     * so that a file exported here imports there. The primary contact person's columns only when asked for: personal
     * data should not travel in spreadsheets by default, and without them the file is a list, not a move.
     */
    @GetMapping("/api/v1/organizations.csv")
    @Operation(summary = "Secretariat: the list of organizations as CSV for Excel, every page, filtered as GET /api/v1/organizations")
    @ApiResponse(responseCode = "200", description = "団体一覧 as an attachment: UTF-8 with BOM, CRLF, RFC 4180",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> members(@RequestParam(required = false) Set<OrganizationStatus> status,
                                   @Parameter(description = "Part of the name or its reading, as in the list")
                                   @RequestParam(required = false) String q,
                                   @Parameter(description = "true: also the primary contact person's name, e-mail, "
                                           + "phone and department (personal data; what an import into another "
                                           + "platform needs)")
                                   @RequestParam(defaultValue = "false") boolean primaryContact) {
        Access.requireSecretariat();
        if (q != null && q.length() > 100) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("q", "must be at most 100 characters")));
        }
        List<OrganizationImportRows.Column> profileColumns = OrganizationImportRows.exportedAfterTheListColumns(primaryContact);
        List<String> header = new ArrayList<>(List.of("団体ID", "会員番号", "団体名", "団体名（よみ）", "会員区分", "状態",
                "申請日時", "最終更新日時"));
        profileColumns.forEach(column -> header.add(column.header));
        ExcelCsv csv = new ExcelCsv(header.toArray(String[]::new));
        String cursor = null;
        do {
            OrganizationPage page = queries.one(new ListOrganizations(status, q, cursor, PAGE), OrganizationPage.class);
            for (OrganizationSummary o : page.items()) {
                OrganizationDetails details = queries.one(new FindOrganization(new OrganizationId(o.organizationId())),
                        OrganizationDetails.class);
                ContactView contact = details.contacts().stream().filter(c -> c.primary() && !c.erased())
                                             .findFirst().orElse(null);
                List<Object> cells = new ArrayList<>(Arrays.asList(o.organizationId(), o.memberNumber(), o.name(),
                        o.nameKana(), o.category() == null ? null : o.category().label(), STATUS_LABELS.get(o.status()),
                        inJapan(o.submittedAt()), inJapan(o.lastChangedAt())));
                profileColumns.forEach(column -> cells.add(OrganizationImportRows.cell(column, details, contact)));
                csv.row(cells.toArray());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        String today = LocalDate.now(JAPAN).toString();
        return csv.download("団体一覧_" + today + ".csv", "organizations-" + today + ".csv", "no-store");
    }

    /** The published figures, so public like the JSON they repeat. */
    @GetMapping("/api/v1/statistics/members.csv")
    @Operation(summary = "Members per category on a date as CSV for Excel (default: today in Japan)")
    @ApiResponse(responseCode = "200", description = "会員数 as an attachment: UTF-8 with BOM, CRLF, RFC 4180",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> statistics(@Parameter(example = "2022-12-01") @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(JAPAN);
        PlatformDates.requireInRange("asOf", date, Clock.systemUTC());
        MemberCounts counts = queries.one(new CountMembersByCategory(date), MemberCounts.class);
        ExcelCsv csv = new ExcelCsv("基準日", "会員区分", "会員数");
        for (MemberCategory category : MemberCategory.values()) {
            csv.row(date, category.label(), counts.byCategory().getOrDefault(category, 0));
        }
        csv.row(date, "合計", counts.total());
        return csv.download("会員数_" + date + ".csv", "members-" + date + ".csv", "max-age=60");
    }

    private static String inJapan(Instant instant) {
        return instant == null ? null : EXCEL_DATE_TIME.format(instant.atZone(JAPAN));
    }
}
