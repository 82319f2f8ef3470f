package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.CsvUpload;
import jp.kodoku.platform.gateway.web.Problems;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.CheckImportCandidate;
import jp.kodoku.platform.membership.api.ImportCandidateCheck;
import jp.kodoku.platform.membership.api.ImportMemberOrganization;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secretariat moves a member list in (a local platform joining, say) from a CSV file as Excel in Japan saves it:
 * first a dry run that changes nothing and reports every row, then the import, which sends one ordinary command per
 * organization ({@link ImportMemberOrganization}: the rules of an application and an approval) and commits all of
 * them or none. Rows whose organization is already registered (by corporate number or name, the registry's rule) are
 * skipped, so the same file imported twice creates nothing the second time. Any problem in any row refuses the whole
 * import: a half-moved list is a state nobody meant, and the dry run shows every problem at once to fix in the sheet.
 */
@RestController
@Tag(name = "CSV", description = "Downloads for the secretariat's spreadsheets (UTF-8 with BOM, CRLF, Japanese header)")
class OrganizationImportsController {

    private final Queries queries;
    private final Commands commands;
    private final TransactionTemplate transactions;

    OrganizationImportsController(Queries queries, Commands commands, TransactionTemplate transactions) {
        this.queries = queries;
        this.commands = commands;
        this.transactions = transactions;
    }

    @PostMapping("/api/v1/organization-imports/dry-run")
    @Operation(summary = "Secretariat: check a CSV file of organizations to import, changing nothing",
            description = "The body is the CSV file (text/csv; UTF-8 with or without BOM, or Shift_JIS/CP932 as Excel "
                    + "saves it; at most 2 MiB and 2,000 rows). Answers the per-row report: what would be created, "
                    + "what is already registered, and every problem with its row and column. See docs/api.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "The report: what would be created, skipped, and every problem",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OrganizationImportReport.class)))
    @ApiResponse(responseCode = "413", description = "Over 2 MiB or 2,000 rows")
    @ApiResponse(responseCode = "415", description = "The body is not text/csv")
    OrganizationImportReport dryRun(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        Access.requireSecretariat();
        return plan(CsvUpload.read(request)).report(true);
    }

    @PostMapping("/api/v1/organization-imports")
    @Operation(summary = "Secretariat: import organizations from a CSV file as approved members, all rows or none",
            description = "The same file as the dry run. With no problem in any row, every new organization is "
                    + "created by an ImportMemberOrganization command (submitted, approved with its 会員区分 and 入会日, "
                    + "marked as imported), all in one transaction; rows already registered are skipped. With any "
                    + "problem: 400 with the report in `problems`, nothing created.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "Imported: what was created and what was skipped",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OrganizationImportReport.class)))
    @ApiResponse(responseCode = "409", description = "A row broke a rule between the check and the import (another "
            + "change came first); nothing was created")
    @ApiResponse(responseCode = "413", description = "Over 2 MiB or 2,000 rows")
    @ApiResponse(responseCode = "415", description = "The body is not text/csv")
    OrganizationImportReport importFile(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        Access.requireSecretariat();
        Plan plan = plan(CsvUpload.read(request));
        if (!plan.problems().isEmpty()) {
            throw new ImportRefused(plan.report(false));
        }
        transactions.executeWithoutResult(tx -> {
            for (Plan.New row : plan.created()) {
                OrganizationImportRows.Candidate c = row.candidate();
                commands.send(new ImportMemberOrganization(c.id(), c.profile(), c.category(), c.contact(), c.joinedOn(),
                        blankToNull(c.bylawsVersion()), plan.sha256(), (int) c.row()));
            }
        });
        return plan.report(false);
    }

    /** The refused import answers the report as a problem: the errors by row and column, and the whole report. */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        List<OrganizationImportRows.Problem> problems = e.report.problems();
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "import-refused", "Import refused",
                problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the file; nothing was imported. "
                        + "Fix them and import the whole file again (the dry run shows the same report)");
        p.setProperty("errors", problems.stream().map(problem -> Map.of(
                "field", "row " + problem.row() + (problem.column() == null ? "" : ": " + problem.column()),
                "message", problem.message())).toList());
        p.setProperty("problems", problems);
        p.setProperty("report", e.report);
        return ResponseEntity.badRequest().body(p);
    }

    /**
     * Every row read and checked: its own cells, then duplicates within the file (corporate number, then name as the
     * registry compares it), then the membership module's check (the rules of the command, and who holds the keys).
     */
    private Plan plan(CsvUpload.Table table) {
        OrganizationImportRows columns = OrganizationImportRows.of(table.header());
        Plan plan = new Plan(table);
        Map<String, Long> firstRowWith = new HashMap<>();
        for (CsvUpload.Row row : table.rows()) {
            OrganizationImportRows.Candidate candidate = columns.read(row);
            List<OrganizationImportRows.Problem> problems = new ArrayList<>(candidate.problems());
            Set<String> columnsAtFault = new HashSet<>();
            problems.forEach(problem -> columnsAtFault.add(problem.field()));
            boolean duplicateInFile = false;
            for (Map.Entry<String, String> key : OrganizationImportRows.duplicateKeys(candidate.profile()).entrySet()) {
                Long first = firstRowWith.putIfAbsent(key.getKey(), row.number());
                if (first != null && !duplicateInFile) {
                    duplicateInFile = true;
                    String column = OrganizationImportRows.columnOf(key.getValue());
                    problems.add(new OrganizationImportRows.Problem(row.number(), column, key.getValue(),
                            "duplicate-in-file", "is the same organization as row " + first + " ("
                            + ("profile.name".equals(key.getValue()) ? "the same name, written alike or in another width or kana"
                            : "the same corporate number") + "): keep one row",
                            "「" + column + "」が" + first + "行目と同じ団体です（" + ("profile.name".equals(key.getValue())
                                    ? "同じ団体名。全角・半角やひらがな・カタカナの違いは同じとみなします" : "同じ法人番号")
                                    + "）。どちらか1行にしてください。"));
                }
            }
            ImportCandidateCheck check = queries.one(new CheckImportCandidate(candidate.id(), candidate.profile(),
                    candidate.category(), candidate.contact(), candidate.joinedOn(), candidate.bylawsVersion()),
                    ImportCandidateCheck.class);
            for (FieldViolation violation : check.violations()) {
                // a cell the reader already refused arrives empty: its "is required" would only repeat the problem
                if (!columnsAtFault.contains(violation.field())) {
                    problems.add(OrganizationImportRows.problem(row.number(), violation));
                }
            }
            if (!problems.isEmpty()) {
                plan.problems().addAll(problems);
            } else if (check.existing() != null) {
                String column = check.existingField() == null ? null
                        : OrganizationImportRows.columnOf("profile." + check.existingField());
                plan.skipped().add(check.alreadyImported()
                        ? new OrganizationImportReport.Skipped(row.number(), "already-imported", column,
                        "was imported before (the same corporate number or name): nothing to do",
                        "取り込み済みです（同じ法人番号または団体名）。", check.existing().value(), check.existingName())
                        : new OrganizationImportReport.Skipped(row.number(), "already-registered", column,
                        "an organization with the same " + ("corporateNumber".equals(check.existingField())
                                ? "corporate number" : "name") + " is already registered: " + check.existingName(),
                        "同じ" + ("corporateNumber".equals(check.existingField()) ? "法人番号" : "団体名")
                                + "の団体「" + check.existingName() + "」が登録済みのため、取り込みません。",
                        check.existing().value(), check.existingName()));
            } else {
                plan.created().add(new Plan.New(candidate));
            }
        }
        return plan;
    }

    private record Plan(CsvUpload.Table table, List<New> created, List<OrganizationImportReport.Skipped> skipped,
                        List<OrganizationImportRows.Problem> problems) {

        Plan(CsvUpload.Table table) {
            this(table, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        record New(OrganizationImportRows.Candidate candidate) {
        }

        String sha256() {
            return table.sha256();
        }

        OrganizationImportReport report(boolean dryRun) {
            boolean refused = !problems.isEmpty();
            return new OrganizationImportReport(dryRun, table.sha256(), table.encoding(), table.rows().size(),
                    refused && !dryRun ? List.of() : created.stream().map(n -> n.candidate()).map(c ->
                            new OrganizationImportReport.Created(c.row(), c.id().value(), c.profile().name(),
                                    c.category(), c.joinedOn())).toList(),
                    List.copyOf(skipped), List.copyOf(problems));
        }
    }

    static final class ImportRefused extends RuntimeException {
        private final transient OrganizationImportReport report;

        ImportRefused(OrganizationImportReport report) {
            super("the import file has problems");
            this.report = report;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
