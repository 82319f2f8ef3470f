package jp.kodoku.platform.infra.text;

import java.text.Normalizer;
import java.util.Set;

/**
 * What any text given to the platform may contain, in every field of every module: characters a person can type and
 * read. Refused: lone surrogates (half of a character, not UTF-8 at all once written out), NUL and the other control
 * characters (tab and line breaks only in fields written as prose), the Unicode noncharacters U+FFFE and U+FFFF, and
 * the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which make a name display other
 * than it reads ("Trojan Source"). Text is kept in NFC, so that what looks the same is stored the same.
 */
public final class TextRules {

    /** Fields written as prose, where tab and line breaks belong to the text. Elsewhere a line break is a mistake. */
    public static final Set<String> MULTI_LINE_FIELDS = Set.of("publicDescription", "reason", "comment", "theme", "note", "description",
            "text", "summary", "body");

    private TextRules() {
    }

    public static boolean isMultiLine(String field) {
        return field != null && MULTI_LINE_FIELDS.contains(field);
    }

    /** Why the text is refused, or null when it is acceptable. */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains half of a character (a lone surrogate " + hex(c) + ")";
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiLine) {
                    return "must be on one line (no tab or line break)";
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return "contains the control character " + hex(c);
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "contains the bidirectional control " + hex(c);
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains the noncharacter " + hex(c);
            }
        }
        return null;
    }

    /** The text in Unicode normalization form C (composed: が as one character, not か plus a voiced mark). */
    public static String normalize(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String hex(char c) {
        return String.format("U+%04X", (int) c);
    }
}
