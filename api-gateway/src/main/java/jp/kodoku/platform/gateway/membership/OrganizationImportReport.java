package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.media.Schema;
import jp.kodoku.platform.membership.api.MemberCategory;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did, or in a dry run would do, row by row. Rows are numbered as the spreadsheet shows them (the
 * header is row 1). No contact person's data is repeated here: the report is often saved or mailed around.
 */
@Schema(description = "The per-row report of an organization import or its dry run")
record OrganizationImportReport(
        @Schema(description = "true: nothing was changed; organizations are those that would be created")
        boolean dryRun,
        @Schema(description = "SHA-256 of the file's bytes; the imported organizations' history names it",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String fileSha256,
        @Schema(description = "How the file was read: UTF-8 or windows-31j (Shift_JIS as Excel writes it)",
                example = "UTF-8")
        String encoding,
        @Schema(description = "Data rows in the file (blank lines not counted)", example = "3")
        int rows,
        @Schema(description = "Created (in a dry run: would be created), in file order")
        List<Created> organizations,
        @Schema(description = "Rows not created because the organization is already registered")
        List<Skipped> skipped,
        @Schema(description = "Rows with problems; any problem refuses the whole import")
        List<OrganizationImportRows.Problem> problems) {

    record Created(@Schema(example = "2") long row,
                   @Schema(example = "0b5c4a1e-4c1e-3d52-9b0e-7b0e2f6a9c10") String organizationId,
                   @Schema(example = "こども居場所ネットワークさくら") String name,
                   MemberCategory category,
                   @Schema(example = "2024-04-01") LocalDate joinedOn) {
    }

    /**
     * @param code {@code already-imported} (this import made it before) or {@code already-registered} (another
     *             organization holds its corporate number or name)
     */
    record Skipped(@Schema(example = "3") long row,
                   @Schema(example = "already-registered") String code,
                   @Schema(example = "法人番号") String column,
                   String message,
                   String messageJa,
                   @Schema(example = "3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01") String existingOrganizationId,
                   @Schema(example = "ひだまり相談ネット") String existingOrganizationName) {
    }
}
