package jp.kodoku.platform.newsletter.eventitems;

import jp.kodoku.platform.events.api.EventStatus;
import jp.kodoku.platform.events.api.EventSummary;
import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.newsletter.ItemContentRules;
import jp.kodoku.platform.newsletter.api.InvalidNewsletterInput;
import jp.kodoku.platform.newsletter.api.ItemContent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * An item of イベント案内 made from an event as the public calendar shows it: its title, when, where, the start of its
 * description and a link to its public page. Only an event that is published (or rescheduled) is announced; a
 * cancelled or finished one is not news for a coming issue.
 */
final class EventItems {

    /** Enough of the description to say what the event is; the page has the rest. */
    static final int DESCRIPTION_MAX = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private EventItems() {
    }

    static ItemContent of(EventSummary event, String publicPage) {
        if (event.status() != EventStatus.PUBLISHED && event.status() != EventStatus.RESCHEDULED) {
            throw new InvalidNewsletterInput("eventId", "the event is " + event.status()
                    + "; only a published event is announced");
        }
        StringBuilder body = new StringBuilder();
        body.append("日時: ").append(when(event.schedule())).append('\n');
        if (event.venue() != null) {
            body.append("会場: ").append(event.venue().name());
            if (event.venue().address() != null && !event.venue().address().isBlank()) {
                body.append("（").append(event.venue().address()).append("）");
            }
            body.append('\n');
        }
        if (event.online()) {
            body.append("オンライン開催あり（参加方法は登録した方にお知らせします）\n");
        }
        String description = event.description() == null ? "" : event.description().strip();
        if (!description.isEmpty()) {
            body.append('\n').append(shortened(description));
        }
        return ItemContentRules.content(new ItemContent(event.title(), body.toString(), publicPage, false));
    }

    static String when(Schedule s) {
        String start = date(s.startDate());
        if (s.wholeDay()) {
            return s.endDate().equals(s.startDate()) ? start : start + "〜" + date(s.endDate());
        }
        String end = s.endDate().equals(s.startDate()) ? TIME.format(s.endTime())
                : date(s.endDate()) + " " + TIME.format(s.endTime());
        return start + " " + TIME.format(s.startTime()) + "〜" + end;
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日（"
                + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
    }

    private static String shortened(String description) {
        if (description.codePointCount(0, description.length()) <= DESCRIPTION_MAX) {
            return description;
        }
        return description.substring(0, description.offsetByCodePoints(0, DESCRIPTION_MAX)) + "…";
    }
}
