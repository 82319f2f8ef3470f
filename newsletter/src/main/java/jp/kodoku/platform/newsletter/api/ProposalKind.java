package jp.kodoku.platform.newsletter.api;

/** What a member organization may propose, and the default section it goes to when accepted. */
public enum ProposalKind {
    /** 活動報告: under 会員の活動紹介 */
    ACTIVITY_REPORT("活動報告", "member-activities"),
    /** 支援情報: under 支援情報 */
    SUPPORT_INFORMATION("支援情報", "support"),
    /** イベント: under イベント案内 */
    EVENT("イベント", "events");

    private final String japanese;
    private final String sectionKey;

    ProposalKind(String japanese, String sectionKey) {
        this.japanese = japanese;
        this.sectionKey = sectionKey;
    }

    public String japanese() {
        return japanese;
    }

    /** The key of the default section ({@link Section#DEFAULTS}) an accepted proposal of this kind goes to. */
    public String sectionKey() {
        return sectionKey;
    }
}
