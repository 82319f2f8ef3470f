package jp.kodoku.platform.membership.api;

/** Membership category as defined in seed 004; published member counts are broken down by it. */
public enum MemberCategory {
    REGULAR("会員"),
    COOPERATING("協力会員"),
    SUPPORTING("賛助会員");

    private final String label;

    MemberCategory(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }
}
