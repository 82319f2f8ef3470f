package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.JapaneseDates;
import jp.kodoku.platform.subcommittees.api.JoinRoute;
import jp.kodoku.platform.subcommittees.api.LeavingCause;
import jp.kodoku.platform.subcommittees.api.MeetingStatus;
import jp.kodoku.platform.subcommittees.api.MeetingSummary;
import jp.kodoku.platform.subcommittees.api.PollChoice;
import jp.kodoku.platform.subcommittees.api.PollSlot;
import jp.kodoku.platform.subcommittees.api.PollStatus;
import jp.kodoku.platform.subcommittees.api.SubcommitteeStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The Japanese words the subcommittee pages show for the module's states and times: {@code ${@subcommitteeLabels…}}. */
@Component("subcommitteeLabels")
public class SubcommitteeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分");

    private final JapaneseDates dates;

    SubcommitteeLabels(JapaneseDates dates) {
        this.dates = dates;
    }

    public String status(SubcommitteeStatus status) {
        return status == SubcommitteeStatus.CLOSED ? "閉会" : "活動中";
    }

    public String meetingStatus(MeetingStatus status) {
        return switch (status) {
            case SCHEDULED -> "開催予定";
            case RESCHEDULED -> "日程変更";
            case CANCELLED -> "中止";
        };
    }

    public String pollStatus(PollStatus status) {
        return switch (status) {
            case OPEN -> "回答受付中";
            case PAST_DEADLINE -> "締切済み（日程確定待ち）";
            case CONFIRMED -> "日程確定";
        };
    }

    /** ○ △ ×, as 調整さん shows them. */
    public String mark(PollChoice choice) {
        if (choice == null) {
            return "";
        }
        return switch (choice) {
            case YES -> "○";
            case MAYBE -> "△";
            case NO -> "×";
        };
    }

    /** What a screen reader says for a mark. */
    public String choice(PollChoice choice) {
        if (choice == null) {
            return "未回答";
        }
        return switch (choice) {
            case YES -> "参加できる";
            case MAYBE -> "未定";
            case NO -> "参加できない";
        };
    }

    public String route(JoinRoute route) {
        return switch (route) {
            case ADDED -> "事務局・座長が追加";
            case REQUEST_APPROVED -> "参加申請を承認";
            case LEAD_ORGANIZATION -> "担当幹事団体";
        };
    }

    public String cause(LeavingCause cause) {
        return switch (cause) {
            case REMOVED -> "脱退";
            case MEMBERSHIP_SUSPENDED -> "プラットフォームの資格停止";
            case MEMBERSHIP_WITHDRAWN -> "プラットフォームから退会";
        };
    }

    /** "下書き（第2版）", "確定（第3版、未公開）", "構成団体に公開（第3版）", "一般公開（第3版）". */
    public String minutesState(jp.kodoku.platform.subcommittees.api.MinutesDetails minutes) {
        String revision = "第" + minutes.revision() + "版";
        if (minutes.audience() != null) {
            return (minutes.audience() == jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC ? "一般公開" : "構成団体に公開")
                    + "（" + revision + "）";
        }
        return minutes.status() == jp.kodoku.platform.subcommittees.api.MinutesStatus.FINALIZED
                ? "確定（" + revision + "、未公開）" : "下書き（" + revision + "）";
    }

    public String slot(PollSlot slot) {
        return when(slot.date(), slot.start(), slot.end());
    }

    public String when(MeetingSummary meeting) {
        return when(meeting.date(), meeting.start(), meeting.end());
    }

    /** "令和8年6月15日 (2026-06-15) 14時00分〜16時00分", or the date and 終日 for a whole day. */
    public String when(LocalDate date, LocalTime start, LocalTime end) {
        String day = dates.date(date);
        return start == null ? day + " 終日" : day + " " + TIME.format(start) + "〜" + TIME.format(end);
    }
}
