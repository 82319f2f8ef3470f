package jp.kodoku.platform.gateway.support;

import jp.kodoku.platform.membership.api.CorporateNumber;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** CSV files of organizations to import, as Excel in Japan saves them; every row a new organization unless told. */
public final class ImportFiles {

    public static final String HEADER = "団体名,団体名（よみ）,法人格,法人番号,団体種別,活動地域,活動分野,対象,会員区分,入会日,"
            + "ディレクトリ掲載,担当者氏名,担当者メールアドレス,担当者電話番号";
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private ImportFiles() {
    }

    /** A row of a valid organization, 協力会員 since 2024-04-01, with its own corporate number. */
    public static String row(String name, String kana) {
        return row(name, kana, newCorporateNumber());
    }

    /** With this corporate number; an empty one makes it an unincorporated association (任意団体), which has none. */
    public static String row(String name, String kana, String corporateNumber) {
        long n = NUMBERS.incrementAndGet();
        return String.join(",", name, kana, corporateNumber.isEmpty() ? "任意団体" : "特定非営利活動法人", corporateNumber,
                "NPO等支援団体", "東京都、神奈川県", "居場所、こども食堂・フードバンク", "こども・若者", "協力会員", "2024/4/1",
                "はい", "取込 花子", "import" + n + "@kyoten.example.jp", "03-5555-0101");
    }

    /** A row of a new organization with a unique name. */
    public static String newRow() {
        String tag = Samples.uniqueKana();
        return row("地域の居場所" + tag, "チイキノイバショ" + tag);
    }

    public static String newCorporateNumber() {
        return CorporateNumber.withCheckDigit(String.format("%012d", 200_000_000_000L + NUMBERS.incrementAndGet()));
    }

    /** The file as Excel's "CSV UTF-8" saves it: BOM, CRLF. */
    public static byte[] excelUtf8(String... rows) {
        return ("\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
