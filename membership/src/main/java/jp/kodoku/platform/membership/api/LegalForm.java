package jp.kodoku.platform.membership.api;

/** 法人格: the legal form of a member organization, as entered on the application form. */
public enum LegalForm {
    NPO_CORPORATION("特定非営利活動法人"),
    GENERAL_INCORPORATED_ASSOCIATION("一般社団法人"),
    GENERAL_INCORPORATED_FOUNDATION("一般財団法人"),
    PUBLIC_INTEREST_INCORPORATED_ASSOCIATION("公益社団法人"),
    PUBLIC_INTEREST_INCORPORATED_FOUNDATION("公益財団法人"),
    SOCIAL_WELFARE_CORPORATION("社会福祉法人"),
    STOCK_COMPANY("株式会社"),
    OTHER_CORPORATION("その他の法人"),
    LOCAL_GOVERNMENT("地方公共団体"),
    NATIONAL_GOVERNMENT_BODY("国の機関"),
    UNINCORPORATED_ASSOCIATION("任意団体");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }

    /**
     * Whether a member of this form must give its 法人番号. Every registered corporation, local government and
     * national body is assigned one; a 任意団体 is not registered anywhere and so has none.
     */
    public boolean requiresCorporateNumber() {
        return this != UNINCORPORATED_ASSOCIATION;
    }
}
