package jp.kodoku.platform.subcommittees.api;

/** What a deliverable is: 検討成果 (a study result), 中間整理 (an interim summary), 報告書 (a report). */
public enum DeliverableKind {
    STUDY_RESULT("検討成果"), INTERIM_SUMMARY("中間整理"), REPORT("報告書");

    private final String japanese;

    DeliverableKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
