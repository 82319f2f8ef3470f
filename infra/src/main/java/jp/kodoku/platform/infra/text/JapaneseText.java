package jp.kodoku.platform.infra.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalizes Japanese text so that what people type matches what organizations registered.
 *
 * <p>Names and readings arrive in every form a Japanese keyboard or a spreadsheet can produce: hiragana or katakana,
 * half-width katakana from older systems, full-width Latin letters, ideographic spaces, brackets around a
 * consortium's name. A search for 「らいふりんく」 must still find 「自殺対策支援センター ライフリンク」.
 */
public final class JapaneseText {

    private static final char KATAKANA_SMALL_A = '\u30A1';
    private static final char KATAKANA_SMALL_KE = '\u30F6';
    private static final char KATAKANA_VU_WO_VOICED_LAST = '\u30FA';
    private static final char PROLONGED_SOUND_MARK = '\u30FC';
    private static final char MIDDLE_DOT = '\u30FB';
    private static final int KATAKANA_TO_HIRAGANA = 0x60;
    private static final char COMBINING_VOICED_MARK = '\u3099';
    private static final char COMBINING_SEMI_VOICED_MARK = '\u309A';

    // Separators inside names carry no meaning for matching: 「あなたのいばしょ（SNS相談コンソーシアム）」 is
    // searched for without its brackets. Brackets and quotes of every script are caught by their Unicode category.
    private static final String IGNORED_PUNCTUATION = "・、。,.･\"'､｡";

    private static final String SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖ";
    private static final String LARGE_KANA = "あいうえおつやゆよわかけ";

    private JapaneseText() {
    }

    /**
     * Which rules {@link #searchKey} follows. Search keys stored before a change of the rules no longer match the
     * keys of the text searched for; whoever stores them keeps this number with them and recomputes the keys that
     * carry an older one (the directory does, see OrganizationsProjection).
     *
     * <p>1: width, case, hiragana/katakana, spaces, brackets and separators. 2: also small kana as large kana, and the
     * long-vowel mark and its look-alikes left out.
     */
    public static final int SEARCH_KEY_VERSION = 2;

    // What people type for ー: the half-width ｰ (which NFKC already makes ー), hyphens and dashes, the minus sign, the
    // box-drawing line of old Shift_JIS conversions, and the wave dashes (～ becomes ~ under NFKC, 〜 stays).
    private static final String LONG_VOWEL_LOOK_ALIKES =
            "\u30FC-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501~\u301C\u2053\u3030";

    // Small kana after conversion to hiragana, and the small katakana of Ainu (U+31F0..U+31FF), which have none.
    private static final String SMALL_KANA_FOR_SEARCH =
            "ぁぃぅぇぉっゃゅょゎゕゖ\u31F0\u31F1\u31F2\u31F3\u31F4\u31F5\u31F6\u31F7"
                    + "\u31F8\u31F9\u31FA\u31FB\u31FC\u31FD\u31FE\u31FF";
    private static final String LARGE_KANA_FOR_SEARCH = "あいうえおつやゆよわかけくしすとぬはひふへほむらりるれろ";

    /**
     * The form used to match search text against names and readings; compare with {@code contains}.
     *
     * <p>Besides {@link #nameKey}'s rules, small kana count as large (ネツトワーク finds ネットワーク: old registrations and
     * some keyboards write ツ for ッ) and the long-vowel mark and everything typed for it (ｰ - ‐ − ～ 〜 …) is left out,
     * so センタ-, センタ〜 and センタ all find センター. Dakuten stay: バス does not find ハス. Iteration marks (々 ゝ ゞ)
     * and old and new kanji forms (髙/高, 﨑/崎) are left as written: see docs/api.md for why.
     *
     * <p>The rules are versioned by {@link #SEARCH_KEY_VERSION}.
     */
    public static String searchKey(String text) {
        String key = nameKey(text);
        StringBuilder folded = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (LONG_VOWEL_LOOK_ALIKES.indexOf(c) >= 0) {
                continue;
            }
            int small = SMALL_KANA_FOR_SEARCH.indexOf(c);
            folded.append(small >= 0 ? LARGE_KANA_FOR_SEARCH.charAt(small) : c);
        }
        return folded.toString();
    }

    /**
     * The form under which two names are the same name (the registry refuses a second organization under it):
     * width, case, hiragana/katakana, spaces, brackets and separators do not count; small kana and ー do, unlike in
     * {@link #searchKey}, since ネットワーク and ネツトワーク may well be two organizations. Registry keys are stored, so
     * these rules do not change.
     */
    public static String nameKey(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isSpace(c) || isIgnoredPunctuation(c)) {
                continue;
            }
            key.append(toHiragana(c));
        }
        return key.toString();
    }

    /** The reading as stored: full-width katakana, no stray spaces. {@code null} becomes the empty string. */
    public static String normalizeReading(String reading) {
        if (reading == null) {
            return "";
        }
        // NFKC already turns the ideographic space U+3000 into an ASCII space.
        return Normalizer.normalize(reading, Normalizer.Form.NFKC).strip().replaceAll("[\\s\\p{Z}]+", " ");
    }

    /**
     * Whether the reading is written in katakana only, as the application form's フリガナ field asks.
     * Spaces and ・ are allowed because readings of long names are often split (「ジサツタイサク・シエンセンター」).
     */
    public static boolean isKatakanaReading(String reading) {
        String normalized = normalizeReading(reading);
        if (normalized.isEmpty()) {
            return false;
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean katakana = c >= KATAKANA_SMALL_A && c <= KATAKANA_VU_WO_VOICED_LAST;
            if (!katakana && c != PROLONGED_SOUND_MARK && c != MIDDLE_DOT && c != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * A key whose code-point order ({@link String#compareTo}) is 五十音順 of the reading.
     *
     * <p>Japanese dictionaries and member lists ignore dakuten, small kana and ー when ordering, so バス, ハナ and パン
     * sort as はす, はな, はん. Readings equal under this folding get equal keys; callers who need a total order break
     * the tie themselves.
     */
    public static String gojuonSortKey(String reading) {
        if (reading == null) {
            return "";
        }
        // Decompose before converting to hiragana so that ヷ..ヺ, which have no hiragana of their own, become ワ..ヲ first.
        String decomposed = Normalizer.normalize(
                Normalizer.normalize(reading, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == COMBINING_VOICED_MARK || c == COMBINING_SEMI_VOICED_MARK
                    || c == PROLONGED_SOUND_MARK || c == MIDDLE_DOT || isSpace(c)) {
                continue;
            }
            char hiragana = toHiragana(c);
            int small = SMALL_KANA.indexOf(hiragana);
            key.append(small >= 0 ? LARGE_KANA.charAt(small) : hiragana);
        }
        return key.toString();
    }

    private static char toHiragana(char c) {
        // ー stays: it lies outside the range and has no hiragana counterpart.
        return c >= KATAKANA_SMALL_A && c <= KATAKANA_SMALL_KE ? (char) (c - KATAKANA_TO_HIRAGANA) : c;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isIgnoredPunctuation(char c) {
        if (IGNORED_PUNCTUATION.indexOf(c) >= 0) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }
}
