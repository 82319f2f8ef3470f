package jp.kodoku.platform.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV file uploaded as the request body, read as Excel in Japan writes it. Excel offers two ways to save a sheet as
 * CSV: "CSV UTF-8" (UTF-8 with a byte order mark) and plain "CSV", which writes Shift_JIS as Windows extends it
 * (CP932, {@code windows-31j}: NEC and IBM extensions such as ①, ㈱, 髙). Secretariats use both, so both are read: the
 * charset of the Content-Type when one is given, else a BOM means UTF-8, else the bytes are decoded strictly as UTF-8
 * and, when they are not UTF-8, strictly as CP932 (Japanese text in CP932 is practically never valid UTF-8; ASCII
 * reads the same in both). Bytes that are neither are refused, never guessed into mojibake.
 *
 * <p>Whatever makes the file as a whole unreadable is a problem at once: 413 over {@link #MAX_BYTES} or
 * {@link #MAX_ROWS} rows; 400 for a wrong encoding, broken quoting, a header cell given twice or empty, and a row
 * over {@link #MAX_COLUMNS} cells or a cell over {@link #MAX_CELL_CHARACTERS} characters (an unclosed quote swallows
 * the rest of the file into one cell: this names where). What is wrong inside a cell is the caller's to report.
 */
public final class CsvUpload {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 2_000;
    public static final int MAX_COLUMNS = 40;
    public static final int MAX_CELL_CHARACTERS = 4_000;

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** A data row: its number as the spreadsheet shows it (the header is row 1) and its cells, stripped. */
    public record Row(long number, List<String> cells) {
    }

    /**
     * @param encoding {@code UTF-8} or {@code windows-31j}: how the file was read
     */
    public record Table(List<String> header, List<Row> rows, String sha256, String encoding) {
    }

    private CsvUpload() {
    }

    public static Table read(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        Charset declared = declaredCharset(request.getContentType());
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new PayloadTooLarge("the file has " + request.getContentLengthLong() + " bytes; an import takes at most "
                    + MAX_BYTES + " bytes (2 MiB): split it");
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLarge("the file has more than " + MAX_BYTES + " bytes; an import takes at most 2 MiB: split it");
        }
        if (bytes.length == 0) {
            throw new InvalidInput("body", "is empty: send the CSV file as the body");
        }
        Charset charset = declared;
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        String text;
        if (charset == null) {
            charset = bom || decodes(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : CP932;
        }
        try {
            text = decode(bytes, charset);
        } catch (CharacterCodingException e) {
            throw new InvalidInput("body", declared != null
                    ? "is not " + declared.name() + " as the Content-Type says"
                    : "is neither UTF-8 nor Shift_JIS (CP932): save it from Excel as \"CSV UTF-8\" or \"CSV\"");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text, sha256(bytes), charset.name());
    }

    private static Table parse(String text, String sha256, String encoding) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(text, FORMAT);
            for (CSVRecord record : parser) {
                long number = record.getRecordNumber();
                if (record.size() > MAX_COLUMNS) {
                    throw new InvalidInput("row " + number, "has " + record.size() + " cells; a row has at most "
                            + MAX_COLUMNS);
                }
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    String cell = record.get(i);
                    if (cell.length() > MAX_CELL_CHARACTERS) {
                        throw new InvalidInput("row " + number, "has a cell (column " + (i + 1) + ") of more than "
                                + MAX_CELL_CHARACTERS + " characters; is a quote left open?");
                    }
                    cells.add(cell.strip());
                }
                if (header == null) {
                    header = header(cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue; // a blank line of the sheet
                }
                if (rows.size() == MAX_ROWS) {
                    throw new PayloadTooLarge("the file has more than " + MAX_ROWS + " rows; an import takes at most "
                            + MAX_ROWS + ": split it");
                }
                rows.add(new Row(number, List.copyOf(cells)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv: a quote left open (it reads on to the end of the file) or text after a closing quote
            long row = parser == null ? 1 : parser.getRecordNumber() + 1;
            throw new InvalidInput("row " + row, "is not RFC 4180 CSV (is a quote left open?): " + e.getMessage());
        }
        if (header == null) {
            throw new InvalidInput("body", "has no header row");
        }
        return new Table(header, rows, sha256, encoding);
    }

    private static List<String> header(List<String> cells) {
        Set<String> seen = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i);
            if (name.isEmpty()) {
                violations.add(new FieldViolation("header", "column " + (i + 1) + " has no name"));
            } else if (!seen.add(name)) {
                violations.add(new FieldViolation(name, "is a column given twice in the header"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return List.copyOf(cells);
    }

    private static Charset declaredCharset(String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !"text".equals(type.getType()) || !"csv".equals(type.getSubtype())) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(new MediaType("text", "csv")));
        }
        String charset = type.getParameter("charset");
        if (charset == null) {
            return null;
        }
        return switch (charset.replace("\"", "").toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "shift_jis", "shift-jis", "sjis", "windows-31j", "cp932", "ms932" -> CP932;
            default -> throw new InvalidInput("Content-Type", "charset " + charset
                    + " is not read here; send UTF-8 or Shift_JIS (CP932), or no charset");
        };
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            decode(bytes, charset);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body is larger than an endpoint takes (413). */
    public static final class PayloadTooLarge extends RuntimeException {
        public PayloadTooLarge(String message) {
            super(message);
        }
    }
}
