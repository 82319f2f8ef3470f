package jp.kodoku.platform.activity.api;

/**
 * What an entry of the activity feed tells, with its Japanese name. A module whose events join the feed adds its kinds
 * here and one handler class in {@code activity.feed}.
 */
public enum ActivityKind {
    APPLICATION_RECEIVED("入会申込"),
    MEMBER_JOINED("入会"),
    MEMBER_CATEGORY_CHANGED("会員種別の変更"),
    STEERING_MEMBER_APPOINTED("幹事団体"),
    MEMBER_SUSPENDED("会員資格の停止"),
    MEMBER_REINSTATED("会員資格の回復"),
    MEMBER_WITHDRAWN("退会"),
    SUBCOMMITTEE_CREATED("分科会の設置"),
    SUBCOMMITTEE_LEADS_CHANGED("担当幹事団体の変更"),
    SUBCOMMITTEE_CLOSED("分科会の終了"),
    SUBCOMMITTEE_MEMBER_JOINED("分科会への参加"),
    SUBCOMMITTEE_MEMBER_LEFT("分科会からの退出"),
    DATE_POLL_OPENED("日程調整"),
    MEETING_SCHEDULED("会議の開催"),
    MEETING_RESCHEDULED("会議の日程変更"),
    MEETING_CANCELLED("会議の中止"),
    MINUTES_PUBLISHED("議事録の公開"),
    DELIVERABLE_RECORDED("成果物のとりまとめ"),
    DELIVERABLE_PUBLISHED("成果物の公開"),
    EVENT_PUBLISHED("イベントの公開"),
    CAMPAIGN_EVENT_PROPOSED("強化月間イベントの提案"),
    EVENT_RESCHEDULED("イベントの日程変更"),
    EVENT_CANCELLED("イベントの中止"),
    /** "第52号を配信しました" ({@code NewsletterActivity}). */
    NEWSLETTER_ISSUE_SENT("メールマガジンの配信");

    private final String japanese;

    ActivityKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
