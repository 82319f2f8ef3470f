package jp.kodoku.platform.infra.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which allow-listed type some bytes are, by their magic numbers, without a library: the list is short, and the one
 * hard case, telling a Word file from an Excel file or from any ZIP, takes reading the ZIP's central directory (entry
 * names only, nothing inflated, so a ZIP bomb costs nothing). Tika core alone would say only "a ZIP" for all three;
 * its OOXML detector comes with the parsers package (ADR 0034).
 *
 * <p>Office 97–2003 files share one container (OLE2): the bytes say "an Office 97–2003 file" and the extension says
 * which. Text is UTF-8 that decodes strictly, without control characters other than tab, CR and LF.
 */
public final class FileTypes {

    /** What the bytes are, before the extension is asked: one type, the OLE2 family, or nothing allowed. */
    public sealed interface Detected permits Exactly, LegacyOffice, Text, NotAllowed {
        String description();
    }

    public record Exactly(FileType type) implements Detected {
        public String description() {
            return "a " + type.description();
        }
    }

    /** Office 97–2003 (DOC, XLS, PPT): one container format; the extension chooses. */
    public record LegacyOffice() implements Detected {
        public String description() {
            return "an Office 97–2003 file";
        }
    }

    /** UTF-8 text: TEXT or CSV, as the extension says. */
    public record Text() implements Detected {
        public String description() {
            return "UTF-8 text";
        }
    }

    public record NotAllowed(String description) implements Detected {
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

    private FileTypes() {
    }

    public static Detected detect(byte[] bytes) {
        if (startsWith(bytes, 0, PDF)) {
            return new Exactly(FileType.PDF);
        }
        if (startsWith(bytes, 0, PNG)) {
            return new Exactly(FileType.PNG);
        }
        if (startsWith(bytes, 0, JPEG)) {
            return new Exactly(FileType.JPEG);
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return new Exactly(FileType.GIF);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return new Exactly(FileType.WEBP);
        }
        if (startsWith(bytes, 0, OLE2)) {
            return new LegacyOffice();
        }
        if (startsWith(bytes, 0, ZIP)) {
            return officeOpenXml(bytes);
        }
        if (isText(bytes)) {
            return new Text();
        }
        return new NotAllowed("of a type not accepted here");
    }

    /** A Word, Excel or PowerPoint file is a ZIP with [Content_Types].xml and its part folder; macros are refused. */
    private static Detected officeOpenXml(byte[] bytes) {
        Set<String> names = zipEntryNames(bytes);
        if (names == null) {
            return new NotAllowed("a damaged ZIP file");
        }
        if (!names.contains("[Content_Types].xml")) {
            return new NotAllowed("a ZIP archive");
        }
        if (names.stream().anyMatch(name -> name.endsWith("vbaProject.bin"))) {
            return new NotAllowed("an Office file with macros");
        }
        if (names.stream().anyMatch(name -> name.startsWith("word/"))) {
            return new Exactly(FileType.DOCX);
        }
        if (names.stream().anyMatch(name -> name.startsWith("xl/"))) {
            return new Exactly(FileType.XLSX);
        }
        if (names.stream().anyMatch(name -> name.startsWith("ppt/"))) {
            return new Exactly(FileType.PPTX);
        }
        return new NotAllowed("an Open Packaging file that is neither Word, Excel nor PowerPoint");
    }

    /** The names in the ZIP's central directory, or null when there is none to read. */
    private static Set<String> zipEntryNames(byte[] bytes) {
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // the end record is 22 bytes plus a comment of at most 65535, at the very end
        int end = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
            if (zip.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        int entries = Short.toUnsignedInt(zip.getShort(end + 10));
        long offset = Integer.toUnsignedLong(zip.getInt(end + 16));
        Set<String> names = new HashSet<>();
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < entries; n++) {
            if (at < 0 || at + 46 > bytes.length || zip.getInt(at) != CENTRAL_DIRECTORY_ENTRY) {
                return null;
            }
            int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
            if (at + 46 + nameLength > bytes.length) {
                return null;
            }
            names.add(new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static boolean isText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                                         .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
