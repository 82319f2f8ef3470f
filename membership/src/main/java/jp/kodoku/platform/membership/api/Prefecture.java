package jp.kodoku.platform.membership.api;

import java.util.Optional;

/**
 * The 47 prefectures with their JIS X 0401 codes. A member's coverage is stored as these codes because local
 * governments and the national statistics use them, and names are easy to misspell (「大坂府」).
 */
public enum Prefecture {
    HOKKAIDO("01", "北海道"),
    AOMORI("02", "青森県"),
    IWATE("03", "岩手県"),
    MIYAGI("04", "宮城県"),
    AKITA("05", "秋田県"),
    YAMAGATA("06", "山形県"),
    FUKUSHIMA("07", "福島県"),
    IBARAKI("08", "茨城県"),
    TOCHIGI("09", "栃木県"),
    GUNMA("10", "群馬県"),
    SAITAMA("11", "埼玉県"),
    CHIBA("12", "千葉県"),
    TOKYO("13", "東京都"),
    KANAGAWA("14", "神奈川県"),
    NIIGATA("15", "新潟県"),
    TOYAMA("16", "富山県"),
    ISHIKAWA("17", "石川県"),
    FUKUI("18", "福井県"),
    YAMANASHI("19", "山梨県"),
    NAGANO("20", "長野県"),
    GIFU("21", "岐阜県"),
    SHIZUOKA("22", "静岡県"),
    AICHI("23", "愛知県"),
    MIE("24", "三重県"),
    SHIGA("25", "滋賀県"),
    KYOTO("26", "京都府"),
    OSAKA("27", "大阪府"),
    HYOGO("28", "兵庫県"),
    NARA("29", "奈良県"),
    WAKAYAMA("30", "和歌山県"),
    TOTTORI("31", "鳥取県"),
    SHIMANE("32", "島根県"),
    OKAYAMA("33", "岡山県"),
    HIROSHIMA("34", "広島県"),
    YAMAGUCHI("35", "山口県"),
    TOKUSHIMA("36", "徳島県"),
    KAGAWA("37", "香川県"),
    EHIME("38", "愛媛県"),
    KOCHI("39", "高知県"),
    FUKUOKA("40", "福岡県"),
    SAGA("41", "佐賀県"),
    NAGASAKI("42", "長崎県"),
    KUMAMOTO("43", "熊本県"),
    OITA("44", "大分県"),
    MIYAZAKI("45", "宮崎県"),
    KAGOSHIMA("46", "鹿児島県"),
    OKINAWA("47", "沖縄県");

    private final String code;
    private final String label;

    Prefecture(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The two-digit JIS X 0401 code, "01" to "47". */
    public String code() {
        return code;
    }

    /** The Japanese name, including its suffix (都, 道, 府 or 県). */
    public String label() {
        return label;
    }

    /** The prefecture with exactly this two-digit code; "1" or "001" are not accepted. */
    public static Optional<Prefecture> ofCode(String code) {
        if (code == null || code.length() != 2) {
            return Optional.empty();
        }
        char tens = code.charAt(0);
        char ones = code.charAt(1);
        // Integer.parseInt would also accept full-width digits and signs.
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return Optional.empty();
        }
        int number = (tens - '0') * 10 + (ones - '0');
        if (number < 1 || number > values().length) {
            return Optional.empty();
        }
        // The constants are declared in code order.
        return Optional.of(values()[number - 1]);
    }

    public static boolean isValidCode(String code) {
        return ofCode(code).isPresent();
    }
}
