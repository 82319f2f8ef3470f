package jp.kodoku.platform.gateway.support;

import jp.kodoku.platform.membership.api.CorporateNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Valid application bodies with unique names and corporate numbers, as mutable maps a test can spoil. */
public final class Samples {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String[] PLACES = {"サクラ", "ミドリ", "アオゾラ", "ヒマワリ", "ツバサ", "ミナト", "イズミ", "カエデ"};

    private Samples() {
    }

    /** A fresh NPO application: name 「…こども居場所ネットワーク」 with a matching katakana reading. */
    public static Map<String, Object> application() {
        long n = SEQUENCE.incrementAndGet();
        String tag = kana(n);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "こども居場所ネットワーク" + tag);
        profile.put("nameKana", "コドモイバショネットワーク" + tag);
        profile.put("legalForm", "NPO_CORPORATION");
        profile.put("corporateNumber", CorporateNumber.withCheckDigit(String.format("%012d", 100_000_000_000L + n)));
        profile.put("bodyType", "NPO_SUPPORT");
        profile.put("nationwide", false);
        profile.put("prefectureCodes", new ArrayList<>(List.of("13", "14")));
        profile.put("fieldsOfActivity", new ArrayList<>(List.of("PLACE_TO_BELONG", "FOOD_SUPPORT")));
        profile.put("targetGroups", new ArrayList<>(List.of("CHILDREN_AND_YOUTH")));
        profile.put("consultationCapabilities", new ArrayList<>(List.of("LOCAL_SUPPORT")));
        profile.put("website", "https://ibasho-" + n + ".example.jp");
        profile.put("publicDescription", "東京都と神奈川県でこども食堂と居場所づくりをしています。");
        profile.put("consentToPublish", true);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "担当 花子" + tag);
        contact.put("email", "hanako" + n + "@ibasho.example.jp");
        contact.put("phone", "03-5555-" + String.format("%04d", n % 10_000));
        contact.put("department", "事務局");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", profile);
        body.put("requestedCategory", "REGULAR");
        body.put("primaryContact", contact);
        body.put("bylawsVersion", "2022-02");
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> profileOf(Map<String, Object> application) {
        return (Map<String, Object>) application.get("profile");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> contactOf(Map<String, Object> application) {
        return (Map<String, Object>) application.get("primaryContact");
    }

    /** A katakana word unique to this call, to scope searches in a shared database. */
    public static String uniqueKana() {
        return kana(SEQUENCE.incrementAndGet());
    }

    /** An application whose name and reading are given. */
    public static Map<String, Object> application(String name, String nameKana) {
        Map<String, Object> application = application();
        profileOf(application).put("name", name);
        profileOf(application).put("nameKana", nameKana);
        return application;
    }

    /** A katakana tag unique per number, so that names stay unique after normalization. */
    private static String kana(long n) {
        StringBuilder tag = new StringBuilder();
        long rest = n;
        do {
            tag.append(PLACES[(int) (rest % PLACES.length)]);
            rest /= PLACES.length;
        } while (rest > 0);
        return tag.toString();
    }
}
