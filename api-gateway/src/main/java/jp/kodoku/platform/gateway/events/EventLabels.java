package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.CourseLevel;
import jp.kodoku.platform.events.api.EventKind;
import jp.kodoku.platform.events.api.EventStatus;
import jp.kodoku.platform.events.api.PromotionCause;
import jp.kodoku.platform.events.api.RegistrationStatus;
import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.events.api.Visibility;
import jp.kodoku.platform.gateway.pages.JapaneseDates;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.membership.api.Prefecture;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** The Japanese words the event pages show for the portal's codes; templates call it as {@code @eventLabels}. */
@Component("eventLabels")
public class EventLabels {

    private final JapaneseDates wareki;

    EventLabels(JapaneseDates wareki) {
        this.wareki = wareki;
    }

    static String status(EventStatus status) {
        return switch (status) {
            case DRAFT -> "下書き";
            case PROPOSED -> "承認待ち";
            case REJECTED -> "不承認";
            case PUBLISHED -> "公開中";
            case RESCHEDULED -> "日程変更";
            case CANCELLED -> "開催中止";
            case FINISHED -> "終了";
        };
    }

    public String eventStatus(EventStatus status) {
        return status(status);
    }

    public String registration(RegistrationStatus status) {
        return switch (status) {
            case PENDING_CONFIRMATION -> "メールアドレスの確認待ち";
            case CONFIRMED -> "参加確定";
            case WAITLISTED -> "キャンセル待ち";
            case CANCELLED -> "キャンセル済み";
            case REMOVED -> "事務局により取消";
            case EVENT_CANCELLED -> "開催中止";
        };
    }

    public String promotion(PromotionCause cause) {
        if (cause == null) {
            return "";
        }
        return switch (cause) {
            case CANCELLATION -> "キャンセルが出たため";
            case REMOVAL -> "事務局が申込みを取り消したため";
            case CAPACITY_RAISED -> "定員が増えたため";
        };
    }

    public String level(CourseLevel level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case STANDARD -> "一般向け";
            case CHILDREN -> "子ども・若者向け";
            case ADVANCED -> "上級";
        };
    }

    public String visibility(Visibility visibility) {
        return visibility == Visibility.MEMBERS_ONLY ? "会員限定" : "どなたでも";
    }

    public String prefecture(String code) {
        return Prefecture.ofCode(code).map(Prefecture::label).orElse("");
    }

    /** "令和8年5月1日 (2026-05-01) 13:30〜16:30", a whole-day or multi-day event as its days. */
    public String when(Schedule s) {
        if (s == null) {
            return "";
        }
        String first = wareki.date(s.startDate());
        if (s.wholeDay()) {
            return s.startDate().equals(s.endDate()) ? first + "（終日）"
                    : first + "〜" + wareki.date(s.endDate()) + "（終日）";
        }
        return s.startDate().equals(s.endDate()) ? first + " " + s.startTime() + "〜" + s.endTime()
                : first + " " + s.startTime() + "〜" + wareki.date(s.endDate()) + " " + s.endTime();
    }

    static List<Option> kinds() {
        return Option.of(EventKind.values(), EventKind::japanese);
    }

    static List<Option> prefectures() {
        return Arrays.stream(Prefecture.values()).map(p -> new Option(p.code(), p.label())).toList();
    }

    static List<Option> levels(EventLabels labels) {
        return Option.of(CourseLevel.values(), labels::level);
    }

    static List<Option> visibilities(EventLabels labels) {
        return Option.of(Visibility.values(), labels::visibility);
    }
}
