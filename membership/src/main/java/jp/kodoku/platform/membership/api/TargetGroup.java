package jp.kodoku.platform.membership.api;

/** People a member supports, taken from the national priority plan's list of those prone to loneliness and isolation (seed 000, note 14). */
public enum TargetGroup {
    PEOPLE_IN_POVERTY("生活困窮状態の人"),
    HIKIKOMORI("ひきこもり"),
    MENTAL_HEALTH("メンタルヘルス"),
    PREGNANT_AND_POSTPARTUM_WOMEN("妊娠・出産期の女性"),
    SINGLE_PARENTS("ひとり親"),
    DV_VICTIMS("DV等の被害者"),
    CHILDREN_AND_YOUTH("こども・若者"),
    SCHOOL_NON_ATTENDANCE("不登校"),
    ELDERLY_LIVING_ALONE("独居高齢者"),
    FOREIGN_RESIDENTS("外国人"),
    JAPANESE_ABROAD("在外邦人"),
    CARERS("ケアラー"),
    LGBTQ("LGBTQの人");

    private final String label;

    TargetGroup(String label) {
        this.label = label;
    }

    /** The Japanese label shown on forms and in the directory. */
    public String label() {
        return label;
    }
}
