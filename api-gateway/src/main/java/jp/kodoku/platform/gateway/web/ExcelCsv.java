package jp.kodoku.platform.gateway.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV download as Excel in Japan opens it: without the byte order mark Excel reads UTF-8 as Shift_JIS and the
 * Japanese comes out garbled; CRLF and RFC 4180 quoting keep a name with a comma or a line break in one cell. A cell
 * that Excel would read as a formula (a name typed as {@code =HYPERLINK(…)} by an applicant) is written with a leading
 * apostrophe, so the secretariat's spreadsheet never runs what an outsider typed (OWASP "CSV injection").
 */
public final class ExcelCsv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final StringWriter out = new StringWriter();
    private final CSVPrinter printer;

    public ExcelCsv(String... header) {
        try {
            out.write('\uFEFF');
            printer = new CSVPrinter(out, FORMAT);
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; null is an empty cell, anything else its text. */
    public ExcelCsv row(Object... cells) {
        List<String> values = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            values.add(cell == null ? "" : neutralized(cell.toString()));
        }
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The file as an attachment: the Japanese name for browsers (RFC 6266 {@code filename*}), the ASCII one for the
     * few clients that read only {@code filename}.
     */
    public ResponseEntity<byte[]> download(String japaneseName, String asciiName, String cacheControl) {
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + UriUtils.encode(japaneseName, StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(TEXT_CSV)
                             .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                             .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                             .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What Excel (and LibreOffice) start a formula with, tab and CR included (both are trimmed before the check). */
    static String neutralized(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
