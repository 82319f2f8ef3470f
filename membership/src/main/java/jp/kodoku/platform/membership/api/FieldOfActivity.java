package jp.kodoku.platform.membership.api;

/** A field a member works in, so that people and other members can find who does what. */
public enum FieldOfActivity {
    CONSULTATION("相談支援（電話・SNS）"),
    PLACE_TO_BELONG("居場所"),
    FOOD_SUPPORT("こども食堂・フードバンク"),
    POVERTY("生活困窮"),
    SUICIDE_PREVENTION("自殺対策"),
    WOMEN_SUPPORT("女性支援"),
    HOUSING("住まい"),
    HIKIKOMORI("ひきこもり"),
    DOMESTIC_VIOLENCE("DV"),
    FOREIGN_RESIDENTS("外国人"),
    LGBTQ("LGBTQ"),
    ELDERLY("高齢者"),
    CARERS("ケアラー"),
    MEDICAL("医療"),
    CHILDREN_AND_YOUTH("こども・若者"),
    OTHER("その他");

    private final String label;

    FieldOfActivity(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }
}
