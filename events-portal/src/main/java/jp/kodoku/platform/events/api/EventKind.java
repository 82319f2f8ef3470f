package jp.kodoku.platform.events.api;

/** The kinds of event the platform holds (DOMAIN.md, Events). */
public enum EventKind {
    /** 孤独・孤立に関する現場課題ワークショップ */
    WORKSHOP("現場課題ワークショップ"),
    /** シンポジウム, numbered 第1回, 第2回 … in the order they are published */
    SYMPOSIUM("シンポジウム"),
    /** 孤独・孤立対策強化月間: a date range grouping events that member organizations host */
    CAMPAIGN("強化月間"),
    /** An event a member organization hosts under a campaign, approved by the secretariat */
    CAMPAIGN_EVENT("強化月間の会員イベント"),
    /** つながりサポーター養成講座, with a level */
    TRAINING_COURSE("つながりサポーター養成講座"),
    /** 総会: members only */
    GENERAL_ASSEMBLY("総会"),
    /** 幹事会: members only */
    STEERING_COMMITTEE("幹事会");

    private final String japanese;

    EventKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /** 総会 and 幹事会 are for members, whatever the editor asks for. */
    public boolean membersOnly() {
        return this == GENERAL_ASSEMBLY || this == STEERING_COMMITTEE;
    }
}
