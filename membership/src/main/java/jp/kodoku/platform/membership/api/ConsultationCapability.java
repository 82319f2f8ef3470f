package jp.kodoku.platform.membership.api;

/**
 * How a member can cooperate with the unified consultation line (seed 003): answering consultations itself, or meeting
 * and accompanying people locally when a case is serious.
 */
public enum ConsultationCapability {
    COUNTER_CONSULTATION("窓口での相談対応"),
    LOCAL_SUPPORT("地域での支援対応");

    private final String label;

    ConsultationCapability(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }
}
