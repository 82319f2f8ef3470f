package jp.kodoku.platform.activity.feed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * How the feed's sentences are written and read. Organizations' names go in when an entry is read, not when it is
 * made, so a renamed organization reads with its name of today and a withdrawn one can be left out (ADR 0029); a mark
 * holds the place. The mark is a control character, which the platform's text rules keep out of every title and
 * reason, so no text a person typed can pass for one.
 */
final class Sentence {

    private static final char MARK = '\u001F';

    private Sentence() {
    }

    /** Where the name of the entry's organization number {@code index} goes. */
    static String organization(int index) {
        return MARK + Integer.toString(index) + MARK;
    }

    /** The sentence with every mark replaced by the organization's name ({@code unknown} where it has none). */
    static String withNames(String sentence, List<String> organizationIds, Map<String, String> names) {
        StringBuilder text = new StringBuilder(sentence.length() + 32);
        int i = 0;
        while (i < sentence.length()) {
            char c = sentence.charAt(i);
            int end = c == MARK ? sentence.indexOf(MARK, i + 1) : -1;
            if (end < 0) {
                text.append(c);
                i++;
                continue;
            }
            int index = Integer.parseInt(sentence.substring(i + 1, end));
            String name = index < organizationIds.size() ? names.get(organizationIds.get(index)) : null;
            text.append(name == null ? "（団体名不明）" : name);
            i = end + 1;
        }
        return text.toString();
    }

    /** 2026年12月3日 */
    static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2026年12月3日 14:00 (a whole day: the date alone). */
    static String dateTime(LocalDate date, LocalTime start) {
        return start == null ? date(date) : date(date) + " " + start;
    }

    /** （理由：…） when there is a reason, else nothing. */
    static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "（理由：" + reason.strip() + "）";
    }

    /** 分科会3, from its id bunkakai-3. */
    static String subcommittee(String subcommitteeId) {
        return subcommitteeId.startsWith("bunkakai-") ? "分科会" + subcommitteeId.substring("bunkakai-".length())
                : "分科会";
    }
}
