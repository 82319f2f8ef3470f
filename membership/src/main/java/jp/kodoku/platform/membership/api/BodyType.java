package jp.kodoku.platform.membership.api;

/** What kind of body a member is; the directory and the statistics group members by it. */
public enum BodyType {
    NPO_SUPPORT("NPO等支援団体"),
    INTERMEDIARY_SUPPORT("中間支援組織"),
    NATIONAL_FIELD_ORGANIZATION("分野ごとの全国団体"),
    MINISTRY("関係府省庁"),
    ECONOMIC_ORGANIZATION("経済団体"),
    PREFECTURE("都道府県"),
    DESIGNATED_CITY("政令指定都市"),
    MUNICIPALITY("市区町村"),
    SOCIAL_WELFARE_COUNCIL("社会福祉協議会"),
    PRIVATE_COMPANY("民間企業"),
    GRANT_MAKER("助成団体"),
    PRIVATE_ORGANIZATION("民間団体");

    private final String label;

    BodyType(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }
}
