package jp.kodoku.platform.demo;

import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.CorporateNumber;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.ProfilePatch;
import jp.kodoku.platform.membership.api.TargetGroup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static jp.kodoku.platform.membership.api.ConsultationCapability.COUNTER_CONSULTATION;
import static jp.kodoku.platform.membership.api.ConsultationCapability.LOCAL_SUPPORT;
import static jp.kodoku.platform.membership.api.FieldOfActivity.*;
import static jp.kodoku.platform.membership.api.LegalForm.*;
import static jp.kodoku.platform.membership.api.TargetGroup.*;

/**
 * The demo data as a plan: every organization with its profile, category, dates and later history, built by a pure,
 * deterministic method (a {@link Random} with a fixed seed) so that it can be checked without Spring or Axon.
 * {@link DemoData} turns the plan into commands.
 *
 * <p>As of {@link #REFERENCE_DATE} (2022-12-01) the plan has exactly the published figures of seed 004:
 * 234 会員, 114 協力会員, 23 賛助会員. Organizations, corporate numbers, contacts and web addresses are fictitious
 * (corporate numbers are random but carry a valid check digit; addresses are under example.jp); only the nine lead
 * organizations, the ministries, prefectures, cities and national economic bodies carry real names.
 */
public final class DemoOrganizations {

    /** The invented e-mail address of the contact person of the plan's n-th organization. */
    private static final String CONTACT_ADDRESS = "demo-contact-%04d@example.jp";
    private static final Pattern CONTACT_ADDRESSES = Pattern.compile(
            "demo-contact-\\d{4}@example\\.jp");

    /** Whether the address is one the plan invented for a contact person (no mail reaches it). */
    public static boolean isInventedAddress(String email) {
        return email != null && CONTACT_ADDRESSES.matcher(email).matches();
    }

    public static final long SEED = 20220216L;
    /** The date of the published figures. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2022, 12, 1);
    public static final LocalDate FIRST_JOINING = LocalDate.of(2022, 2, 16);
    public static final LocalDate LAST_JOINING_BEFORE_REFERENCE = LocalDate.of(2022, 11, 30);
    public static final String BYLAWS_VERSION = "2022-02";

    private DemoOrganizations() {
    }

    // ---- the plan's shape -----------------------------------------------------------------------------------------

    /** What happens to the application. */
    public enum Outcome {
        /** Approved on {@code joinedOn}. */
        APPROVED,
        /** Submitted, waiting for the secretariat. */
        LEFT_APPLIED,
        /** Sent back for changes with {@code decisionNote} as the comment. */
        SENT_BACK,
        /** Rejected with {@code decisionNote} as the reason. */
        REJECTED
    }

    /** Something that happens to a member after it joined, in date order. */
    public sealed interface PlannedChange permits CategoryChange, Withdrawal, Suspension, ProfileUpdate {
        /** The effective date (category change, withdrawal) or the day the change is made (suspension, update). */
        LocalDate date();
    }

    public record CategoryChange(MemberCategory newCategory, String reason, LocalDate date) implements PlannedChange {
    }

    /** 退会 at the member's request. */
    public record Withdrawal(String reason, LocalDate date) implements PlannedChange {
    }

    public record Suspension(String reason, LocalDate date) implements PlannedChange {
    }

    public record ProfileUpdate(ProfilePatch patch, LocalDate date) implements PlannedChange {
    }

    /**
     * One organization of the plan.
     *
     * @param number            1-based position in the plan; used for the contact's e-mail and phone
     * @param requestedCategory the category applied for (and held from {@code joinedOn} until a category change)
     * @param joinedOn          null unless {@code outcome} is APPROVED
     * @param decisionNote      the send-back comment or the rejection reason
     * @param steeringTermStart start of an open 幹事団体 term, or null
     */
    public record PlannedOrganization(int number,
                                      OrganizationProfile profile,
                                      MemberCategory requestedCategory,
                                      ContactDetails primaryContact,
                                      Outcome outcome,
                                      LocalDate joinedOn,
                                      String decisionNote,
                                      LocalDate steeringTermStart,
                                      List<PlannedChange> changes) {

        public PlannedOrganization {
            changes = List.copyOf(changes);
        }

        /** The category on {@code date}, or null when not a member that day (same rule as the statistics). */
        public MemberCategory categoryOn(LocalDate date) {
            if (outcome != Outcome.APPROVED || joinedOn.isAfter(date)) {
                return null;
            }
            MemberCategory category = requestedCategory;
            for (PlannedChange change : changes) {
                if (change instanceof Withdrawal w && !w.date().isAfter(date)) {
                    return null;
                }
                if (change instanceof CategoryChange c && !c.date().isAfter(date)) {
                    category = c.newCategory();
                }
            }
            return category;
        }
    }

    /** A step of the history of approved members: joining ({@code change} null) or a later change. */
    public record Step(LocalDate date, PlannedOrganization organization, PlannedChange change) {
    }

    // ---- public API -----------------------------------------------------------------------------------------------

    /** The whole plan; the same on every call. */
    public static List<PlannedOrganization> plan() {
        return new Builder(new Random(SEED)).build();
    }

    /** Members per category on {@code date} (every category present, zero when none). */
    public static Map<MemberCategory, Integer> countsAsOf(List<PlannedOrganization> plan, LocalDate date) {
        Map<MemberCategory, Integer> counts = new EnumMap<>(MemberCategory.class);
        for (MemberCategory category : MemberCategory.values()) {
            counts.put(category, 0);
        }
        for (PlannedOrganization organization : plan) {
            MemberCategory category = organization.categoryOn(date);
            if (category != null) {
                counts.merge(category, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The history of approved members in the order it is replayed: by date, a joining before the changes of the same
     * day, then in plan order. Applications that are still open or were refused come after it ({@link #openOrRefused}).
     */
    public static List<Step> timeline(List<PlannedOrganization> plan) {
        List<Step> steps = new ArrayList<>();
        for (PlannedOrganization organization : plan) {
            if (organization.outcome() != Outcome.APPROVED) {
                continue;
            }
            steps.add(new Step(organization.joinedOn(), organization, null));
            for (PlannedChange change : organization.changes()) {
                steps.add(new Step(change.date(), organization, change));
            }
        }
        steps.sort(Comparator.comparing(Step::date)
                             .thenComparing(step -> step.change() == null ? 0 : 1)
                             .thenComparing(step -> step.organization().number()));
        return steps;
    }

    /** Applications that are not approved: left open, sent back, or rejected. */
    public static List<PlannedOrganization> openOrRefused(List<PlannedOrganization> plan) {
        return plan.stream().filter(o -> o.outcome() != Outcome.APPROVED).toList();
    }

    // ---- building blocks ------------------------------------------------------------------------------------------

    /** Readings of the prefectures without their suffix, in JIS X 0401 order. */
    private static final String[] PREFECTURE_READINGS = {
            "ホッカイドウ", "アオモリ", "イワテ", "ミヤギ", "アキタ", "ヤマガタ", "フクシマ", "イバラキ", "トチギ", "グンマ",
            "サイタマ", "チバ", "トウキョウ", "カナガワ", "ニイガタ", "トヤマ", "イシカワ", "フクイ", "ヤマナシ", "ナガノ",
            "ギフ", "シズオカ", "アイチ", "ミエ", "シガ", "キョウト", "オオサカ", "ヒョウゴ", "ナラ", "ワカヤマ",
            "トットリ", "シマネ", "オカヤマ", "ヒロシマ", "ヤマグチ", "トクシマ", "カガワ", "エヒメ", "コウチ", "フクオカ",
            "サガ", "ナガサキ", "クマモト", "オオイタ", "ミヤザキ", "カゴシマ", "オキナワ"};

    /** A place a local organization is named after; {@code area} is how descriptions name it (東京都, 旭川市). */
    private record Place(String name, String kana, String slug, String prefectureCode, String area, String areaKana,
                         boolean designatedCity) {
    }

    private static Place city(String name, String kana, String slug, String code) {
        return new Place(name, kana, slug, code, name + "市", kana + "シ", false);
    }

    private static Place ward(String name, String kana, String slug, String code) {
        return new Place(name, kana, slug, code, name + "区", kana + "ク", false);
    }

    private static Place designated(String name, String kana, String slug, String code) {
        return new Place(name, kana, slug, code, name + "市", kana + "シ", true);
    }

    private static final List<Place> CITIES = List.of(
            city("旭川", "アサヒカワ", "asahikawa", "01"), city("函館", "ハコダテ", "hakodate", "01"),
            city("釧路", "クシロ", "kushiro", "01"), city("帯広", "オビヒロ", "obihiro", "01"),
            city("八戸", "ハチノヘ", "hachinohe", "02"), city("弘前", "ヒロサキ", "hirosaki", "02"),
            city("盛岡", "モリオカ", "morioka", "03"), city("一関", "イチノセキ", "ichinoseki", "03"),
            city("石巻", "イシノマキ", "ishinomaki", "04"), city("大館", "オオダテ", "odate", "05"),
            city("酒田", "サカタ", "sakata", "06"), city("鶴岡", "ツルオカ", "tsuruoka", "06"),
            city("郡山", "コオリヤマ", "koriyama", "07"), city("いわき", "イワキ", "iwaki", "07"),
            city("会津若松", "アイヅワカマツ", "aizuwakamatsu", "07"), city("水戸", "ミト", "mito", "08"),
            city("つくば", "ツクバ", "tsukuba", "08"), city("日立", "ヒタチ", "hitachi", "08"),
            city("宇都宮", "ウツノミヤ", "utsunomiya", "09"), city("小山", "オヤマ", "oyama", "09"),
            city("高崎", "タカサキ", "takasaki", "10"), city("前橋", "マエバシ", "maebashi", "10"),
            city("桐生", "キリュウ", "kiryu", "10"), city("川越", "カワゴエ", "kawagoe", "11"),
            city("所沢", "トコロザワ", "tokorozawa", "11"), city("越谷", "コシガヤ", "koshigaya", "11"),
            city("船橋", "フナバシ", "funabashi", "12"), city("柏", "カシワ", "kashiwa", "12"),
            city("松戸", "マツド", "matsudo", "12"), city("市川", "イチカワ", "ichikawa", "12"),
            city("八王子", "ハチオウジ", "hachioji", "13"), city("町田", "マチダ", "machida", "13"),
            ward("世田谷", "セタガヤ", "setagaya", "13"), ward("足立", "アダチ", "adachi", "13"),
            city("横須賀", "ヨコスカ", "yokosuka", "14"), city("藤沢", "フジサワ", "fujisawa", "14"),
            city("長岡", "ナガオカ", "nagaoka", "15"), city("上越", "ジョウエツ", "joetsu", "15"),
            city("高岡", "タカオカ", "takaoka", "16"), city("金沢", "カナザワ", "kanazawa", "17"),
            city("小松", "コマツ", "komatsu", "17"), city("敦賀", "ツルガ", "tsuruga", "18"),
            city("甲府", "コウフ", "kofu", "19"), city("松本", "マツモト", "matsumoto", "20"),
            city("諏訪", "スワ", "suwa", "20"), city("飯田", "イイダ", "iida", "20"),
            city("大垣", "オオガキ", "ogaki", "21"), city("沼津", "ヌマヅ", "numazu", "22"),
            city("富士", "フジ", "fuji", "22"), city("豊橋", "トヨハシ", "toyohashi", "23"),
            city("岡崎", "オカザキ", "okazaki", "23"), city("豊田", "トヨタ", "toyota", "23"),
            city("四日市", "ヨッカイチ", "yokkaichi", "24"), city("津", "ツ", "tsu", "24"),
            city("大津", "オオツ", "otsu", "25"), city("彦根", "ヒコネ", "hikone", "25"),
            city("宇治", "ウジ", "uji", "26"), city("豊中", "トヨナカ", "toyonaka", "27"),
            city("東大阪", "ヒガシオオサカ", "higashiosaka", "27"), city("枚方", "ヒラカタ", "hirakata", "27"),
            city("姫路", "ヒメジ", "himeji", "28"), city("尼崎", "アマガサキ", "amagasaki", "28"),
            city("西宮", "ニシノミヤ", "nishinomiya", "28"), city("明石", "アカシ", "akashi", "28"),
            city("田辺", "タナベ", "tanabe", "30"), city("米子", "ヨナゴ", "yonago", "31"),
            city("松江", "マツエ", "matsue", "32"), city("出雲", "イズモ", "izumo", "32"),
            city("倉敷", "クラシキ", "kurashiki", "33"), city("福山", "フクヤマ", "fukuyama", "34"),
            city("呉", "クレ", "kure", "34"), city("下関", "シモノセキ", "shimonoseki", "35"),
            city("周南", "シュウナン", "shunan", "35"), city("丸亀", "マルガメ", "marugame", "37"),
            city("高松", "タカマツ", "takamatsu", "37"), city("松山", "マツヤマ", "matsuyama", "38"),
            city("今治", "イマバリ", "imabari", "38"), city("久留米", "クルメ", "kurume", "40"),
            city("唐津", "カラツ", "karatsu", "41"), city("佐世保", "サセボ", "sasebo", "42"),
            city("諫早", "イサハヤ", "isahaya", "42"), city("天草", "アマクサ", "amakusa", "43"),
            city("八代", "ヤツシロ", "yatsushiro", "43"), city("別府", "ベップ", "beppu", "44"),
            city("延岡", "ノベオカ", "nobeoka", "45"), city("都城", "ミヤコノジョウ", "miyakonojo", "45"),
            city("鹿屋", "カノヤ", "kanoya", "46"), city("奄美", "アマミ", "amami", "46"),
            city("那覇", "ナハ", "naha", "47"), city("石垣", "イシガキ", "ishigaki", "47"),
            city("宮古島", "ミヤコジマ", "miyakojima", "47"));

    /** The 20 政令指定都市. */
    private static final List<Place> DESIGNATED_CITIES = List.of(
            designated("札幌", "サッポロ", "sapporo", "01"), designated("仙台", "センダイ", "sendai", "04"),
            designated("さいたま", "サイタマ", "saitama", "11"), designated("千葉", "チバ", "chiba", "12"),
            designated("横浜", "ヨコハマ", "yokohama", "14"), designated("川崎", "カワサキ", "kawasaki", "14"),
            designated("相模原", "サガミハラ", "sagamihara", "14"), designated("新潟", "ニイガタ", "niigata", "15"),
            designated("静岡", "シズオカ", "shizuoka", "22"), designated("浜松", "ハママツ", "hamamatsu", "22"),
            designated("名古屋", "ナゴヤ", "nagoya", "23"), designated("京都", "キョウト", "kyoto", "26"),
            designated("大阪", "オオサカ", "osaka", "27"), designated("堺", "サカイ", "sakai", "27"),
            designated("神戸", "コウベ", "kobe", "28"), designated("岡山", "オカヤマ", "okayama", "33"),
            designated("広島", "ヒロシマ", "hiroshima", "34"), designated("北九州", "キタキュウシュウ", "kitakyushu", "40"),
            designated("福岡", "フクオカ", "fukuoka", "40"), designated("熊本", "クマモト", "kumamoto", "43"));

    /** Places local organizations are named after: every prefecture, many cities and the designated cities. */
    private static final List<Place> PLACES;

    static {
        List<Place> places = new ArrayList<>();
        for (Prefecture prefecture : Prefecture.values()) {
            places.add(new Place(shortName(prefecture), PREFECTURE_READINGS[prefecture.ordinal()],
                    prefecture.name().toLowerCase(), prefecture.code(), prefecture.label(), fullReading(prefecture),
                    false));
        }
        places.addAll(CITIES);
        // Designated cities named like their prefecture (千葉, 大阪, …) are already there as prefectures.
        Set<String> names = new HashSet<>();
        places.forEach(p -> names.add(p.name()));
        DESIGNATED_CITIES.stream().filter(p -> !names.contains(p.name())).forEach(places::add);
        PLACES = List.copyOf(places);
    }

    /** 北海道 stays whole; otherwise the label without 都, 府 or 県. */
    static String shortName(Prefecture prefecture) {
        return prefecture == Prefecture.HOKKAIDO ? prefecture.label()
                : prefecture.label().substring(0, prefecture.label().length() - 1);
    }

    static String fullReading(Prefecture prefecture) {
        String reading = PREFECTURE_READINGS[prefecture.ordinal()];
        if (prefecture == Prefecture.HOKKAIDO) {
            return reading;
        }
        return switch (prefecture.label().charAt(prefecture.label().length() - 1)) {
            case '都' -> reading + "ト";
            case '府' -> reading + "フ";
            default -> reading + "ケン";
        };
    }

    /** 都内, 道内, 府内, 県内. */
    private static String within(Prefecture prefecture) {
        return prefecture.label().charAt(prefecture.label().length() - 1) + "内";
    }

    /** A friendly word some organizations put in their names (愛称). */
    private record Nickname(String name, String kana, String slug) {
    }

    private static final List<Nickname> NICKNAMES = List.of(
            new Nickname("さくら", "サクラ", "sakura"), new Nickname("ひまわり", "ヒマワリ", "himawari"),
            new Nickname("ひだまり", "ヒダマリ", "hidamari"), new Nickname("こもれび", "コモレビ", "komorebi"),
            new Nickname("たんぽぽ", "タンポポ", "tanpopo"), new Nickname("つばさ", "ツバサ", "tsubasa"),
            new Nickname("みらい", "ミライ", "mirai"), new Nickname("あおぞら", "アオゾラ", "aozora"),
            new Nickname("にじ", "ニジ", "niji"), new Nickname("わかば", "ワカバ", "wakaba"),
            new Nickname("あかり", "アカリ", "akari"), new Nickname("ともしび", "トモシビ", "tomoshibi"),
            new Nickname("かけはし", "カケハシ", "kakehashi"), new Nickname("つむぎ", "ツムギ", "tsumugi"),
            new Nickname("はぐくみ", "ハグクミ", "hagukumi"), new Nickname("むすび", "ムスビ", "musubi"));

    /** A kind of local support body: the end of its name, and what such a body typically does. */
    private record LocalType(String name, String kana, String slug, BodyType bodyType, List<LegalForm> legalForms,
                             List<FieldOfActivity> fields, List<TargetGroup> targets,
                             Set<ConsultationCapability> capabilities, String description) {
    }

    private static final List<LocalType> LOCAL_TYPES = List.of(
            new LocalType("こども食堂ネットワーク", "コドモショクドウネットワーク", "kodomo-shokudo", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, UNINCORPORATED_ASSOCIATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(FOOD_SUPPORT, FieldOfActivity.CHILDREN_AND_YOUTH, PLACE_TO_BELONG),
                    List.of(TargetGroup.CHILDREN_AND_YOUTH, SINGLE_PARENTS, PEOPLE_IN_POVERTY), Set.of(LOCAL_SUPPORT),
                    "%sのこども食堂をつなぎ、食材の共同調達や運営の相談に応じています。"),
            new LocalType("居場所づくりの会", "イバショヅクリノカイ", "ibasho", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION, NPO_CORPORATION),
                    List.of(PLACE_TO_BELONG, ELDERLY, FieldOfActivity.CHILDREN_AND_YOUTH),
                    List.of(ELDERLY_LIVING_ALONE, TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.HIKIKOMORI),
                    Set.of(LOCAL_SUPPORT),
                    "%sで誰もが気軽に立ち寄れる居場所を週に数回開いています。"),
            new LocalType("いのちの電話", "イノチノデンワ", "inochi", BodyType.NPO_SUPPORT,
                    List.of(SOCIAL_WELFARE_CORPORATION, NPO_CORPORATION),
                    List.of(CONSULTATION, SUICIDE_PREVENTION), List.of(MENTAL_HEALTH), Set.of(COUNTER_CONSULTATION),
                    "%sで電話相談を受け、悩みを抱える人の声に耳を傾けています。"),
            new LocalType("フードバンク", "フードバンク", "foodbank", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(FOOD_SUPPORT, POVERTY),
                    List.of(PEOPLE_IN_POVERTY, SINGLE_PARENTS, ELDERLY_LIVING_ALONE), Set.of(LOCAL_SUPPORT),
                    "企業や家庭から寄せられた食品を、%sの支援団体や困りごとを抱える世帯に届けています。"),
            new LocalType("ひきこもり家族会", "ヒキコモリカゾクカイ", "hikikomori", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION, NPO_CORPORATION),
                    List.of(FieldOfActivity.HIKIKOMORI, PLACE_TO_BELONG),
                    List.of(TargetGroup.HIKIKOMORI, MENTAL_HEALTH), Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sでひきこもりの本人と家族の交流会や家族相談を開いています。"),
            new LocalType("子ども・若者支援センター", "コドモ・ワカモノシエンセンター", "kodomo-wakamono", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(FieldOfActivity.CHILDREN_AND_YOUTH, CONSULTATION, PLACE_TO_BELONG),
                    List.of(TargetGroup.CHILDREN_AND_YOUTH, SCHOOL_NON_ATTENDANCE, TargetGroup.HIKIKOMORI),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sのこども・若者の学びと暮らしを、相談と居場所の両面から支えています。"),
            new LocalType("女性支援ネット", "ジョセイシエンネット", "josei", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(WOMEN_SUPPORT, DOMESTIC_VIOLENCE, CONSULTATION),
                    List.of(DV_VICTIMS, PREGNANT_AND_POSTPARTUM_WOMEN, SINGLE_PARENTS),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sで困難を抱える女性の相談に応じ、同行支援や一時的な居場所の提供を行っています。"),
            new LocalType("多文化共生センター", "タブンカキョウセイセンター", "tabunka", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(FieldOfActivity.FOREIGN_RESIDENTS, CONSULTATION), List.of(TargetGroup.FOREIGN_RESIDENTS),
                    Set.of(COUNTER_CONSULTATION),
                    "%sで暮らす外国にルーツをもつ人の生活相談や日本語学習を支援しています。"),
            new LocalType("ケアラー支援の会", "ケアラーシエンノカイ", "carer", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION, NPO_CORPORATION),
                    List.of(FieldOfActivity.CARERS, PLACE_TO_BELONG),
                    List.of(TargetGroup.CARERS, TargetGroup.CHILDREN_AND_YOUTH), Set.of(LOCAL_SUPPORT),
                    "%sで家族の介護や世話を担うケアラーの集いと相談の場を設けています。"),
            new LocalType("居住支援ネット", "キョジュウシエンネット", "kyoju", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(HOUSING, POVERTY), List.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE), Set.of(LOCAL_SUPPORT),
                    "%sで住まいに困る人の入居を支え、入居後の見守りも続けています。"),
            new LocalType("不登校親の会", "フトウコウオヤノカイ", "futoko", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION),
                    List.of(FieldOfActivity.CHILDREN_AND_YOUTH, PLACE_TO_BELONG),
                    List.of(SCHOOL_NON_ATTENDANCE, TargetGroup.CHILDREN_AND_YOUTH), Set.of(),
                    "%sで不登校の子をもつ親が語り合う会を毎月開いています。"),
            new LocalType("ひとり親家庭サポート", "ヒトリオヤカテイサポート", "hitorioya", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(POVERTY, FieldOfActivity.CHILDREN_AND_YOUTH, FOOD_SUPPORT),
                    List.of(SINGLE_PARENTS, TargetGroup.CHILDREN_AND_YOUTH), Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sのひとり親家庭に、学習支援や食品の提供、手続きの相談で寄り添っています。"),
            new LocalType("高齢者見守りネット", "コウレイシャミマモリネット", "mimamori", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, UNINCORPORATED_ASSOCIATION),
                    List.of(ELDERLY, PLACE_TO_BELONG), List.of(ELDERLY_LIVING_ALONE), Set.of(LOCAL_SUPPORT),
                    "%sで一人暮らしの高齢者への訪問や電話での見守りを続けています。"),
            new LocalType("レインボーネット", "レインボーネット", "rainbow", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, UNINCORPORATED_ASSOCIATION),
                    List.of(FieldOfActivity.LGBTQ, CONSULTATION),
                    List.of(TargetGroup.LGBTQ, TargetGroup.CHILDREN_AND_YOUTH), Set.of(COUNTER_CONSULTATION),
                    "%sでLGBTQの人と家族のための相談と交流の場を運営しています。"),
            new LocalType("生活困窮者支援ネット", "セイカツコンキュウシャシエンネット", "seikatsu", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(POVERTY, HOUSING, FOOD_SUPPORT), List.of(PEOPLE_IN_POVERTY),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sで生活に困りごとを抱える人の相談を受け、制度や地域の支援につないでいます。"),
            new LocalType("自殺予防センター", "ジサツヨボウセンター", "jisatsu-yobo", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(SUICIDE_PREVENTION, CONSULTATION, MEDICAL), List.of(MENTAL_HEALTH),
                    Set.of(COUNTER_CONSULTATION),
                    "%sで自殺予防のための相談対応と、ゲートキーパーの養成を行っています。"),
            new LocalType("DV被害者支援センター", "ディーブイヒガイシャシエンセンター", "dv", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION),
                    List.of(DOMESTIC_VIOLENCE, WOMEN_SUPPORT, HOUSING), List.of(DV_VICTIMS),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "%sでDVの被害を受けた人の相談、避難と生活の立て直しを支援しています。"),
            new LocalType("精神保健福祉会", "セイシンホケンフクシカイ", "seishin", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION, NPO_CORPORATION),
                    List.of(MEDICAL, PLACE_TO_BELONG), List.of(MENTAL_HEALTH), Set.of(LOCAL_SUPPORT),
                    "%sで精神疾患のある人と家族の交流と学びの場をつくっています。"),
            new LocalType("市民活動サポートセンター", "シミンカツドウサポートセンター", "shimin", BodyType.INTERMEDIARY_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(OTHER, PLACE_TO_BELONG),
                    List.of(TargetGroup.CHILDREN_AND_YOUTH, ELDERLY_LIVING_ALONE), Set.of(),
                    "%sの市民活動団体の立ち上げと運営を支える中間支援組織です。"),
            new LocalType("NPOセンター", "エヌピーオーセンター", "npo-center", BodyType.INTERMEDIARY_SUPPORT,
                    List.of(NPO_CORPORATION),
                    List.of(OTHER), List.of(PEOPLE_IN_POVERTY, TargetGroup.CHILDREN_AND_YOUTH), Set.of(),
                    "%sのNPOのネットワークづくりと、行政・企業との協働を進めています。"),
            new LocalType("妊娠SOS相談室", "ニンシンエスオーエスソウダンシツ", "ninshin-sos", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(WOMEN_SUPPORT, CONSULTATION, MEDICAL),
                    List.of(PREGNANT_AND_POSTPARTUM_WOMEN, TargetGroup.CHILDREN_AND_YOUTH),
                    Set.of(COUNTER_CONSULTATION),
                    "%sで予期しない妊娠に悩む人の相談を、電話とSNSで受けています。"),
            new LocalType("若者就労支援ネット", "ワカモノシュウロウシエンネット", "shuro", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(FieldOfActivity.CHILDREN_AND_YOUTH, POVERTY, FieldOfActivity.HIKIKOMORI),
                    List.of(TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.HIKIKOMORI), Set.of(LOCAL_SUPPORT),
                    "%sで働くことに悩む若者の職場体験と就労を支援しています。"),
            new LocalType("傾聴ボランティアの会", "ケイチョウボランティアノカイ", "keicho", BodyType.NPO_SUPPORT,
                    List.of(UNINCORPORATED_ASSOCIATION),
                    List.of(ELDERLY, CONSULTATION), List.of(ELDERLY_LIVING_ALONE, MENTAL_HEALTH), Set.of(LOCAL_SUPPORT),
                    "%sで高齢者施設やご自宅を訪ね、話を聴くボランティア活動をしています。"),
            new LocalType("SNS相談センター", "エスエヌエスソウダンセンター", "sns", BodyType.NPO_SUPPORT,
                    List.of(NPO_CORPORATION, GENERAL_INCORPORATED_ASSOCIATION),
                    List.of(CONSULTATION, SUICIDE_PREVENTION, FieldOfActivity.CHILDREN_AND_YOUTH),
                    List.of(TargetGroup.CHILDREN_AND_YOUTH, MENTAL_HEALTH), Set.of(COUNTER_CONSULTATION),
                    "%sのこども・若者からのSNS相談を受け、必要に応じて地域の支援につないでいます。"));

    /** A line of business of a (fictitious) company. */
    private record CompanyType(String name, String kana, String slug, FieldOfActivity field, String description) {
    }

    private static final List<CompanyType> COMPANY_TYPES = List.of(
            new CompanyType("コネクト", "コネクト", "connect", OTHER,
                    "地域の見守りに使えるICTサービスを提供し、本会の活動に協力しています。"),
            new CompanyType("ライフサポート", "ライフサポート", "lifesupport", ELDERLY,
                    "高齢者の暮らしを支えるサービスを通じて、孤立の予防に取り組んでいます。"),
            new CompanyType("ソリューションズ", "ソリューションズ", "solutions", CONSULTATION,
                    "相談窓口の運営を支えるシステムを開発し、支援団体に提供しています。"),
            new CompanyType("通信", "ツウシン", "tsushin", CONSULTATION,
                    "通信事業者として、相談窓口の周知と電話・SNS相談の環境づくりに協力しています。"),
            new CompanyType("生活サービス", "セイカツサービス", "seikatsu-service", ELDERLY,
                    "配達や訪問の機会を生かした見守り活動に取り組んでいます。"),
            new CompanyType("メディア", "メディア", "media", OTHER,
                    "孤独・孤立に関する情報発信と、相談窓口の周知に協力しています。"),
            new CompanyType("不動産", "フドウサン", "fudosan", HOUSING,
                    "住まいに困る人の入居を支える物件の提供と、入居後の見守りに協力しています。"),
            new CompanyType("物流", "ブツリュウ", "butsuryu", FOOD_SUPPORT,
                    "フードバンクやこども食堂への食品の配送に協力しています。"),
            new CompanyType("フーズ", "フーズ", "foods", FOOD_SUPPORT,
                    "食品の寄贈を通じて、こども食堂やフードバンクの活動を支えています。"),
            new CompanyType("保険", "ホケン", "hoken", FieldOfActivity.CARERS,
                    "従業員のケアラー支援と、介護に関する相談会の開催に取り組んでいます。"));

    /** A kind of grant maker (助成団体). */
    private record GrantType(String name, String kana, String slug, List<FieldOfActivity> fields, String description) {
    }

    private static final List<GrantType> GRANT_TYPES = List.of(
            new GrantType("未来財団", "ミライザイダン", "mirai-zaidan", List.of(FieldOfActivity.CHILDREN_AND_YOUTH, PLACE_TO_BELONG),
                    "こども・若者の居場所づくりに取り組む団体への助成を行っています。"),
            new GrantType("福祉財団", "フクシザイダン", "fukushi-zaidan", List.of(ELDERLY, POVERTY, FieldOfActivity.CARERS),
                    "地域福祉の担い手となる団体への助成と研修を行っています。"),
            new GrantType("こども基金", "コドモキキン", "kodomo-kikin", List.of(FieldOfActivity.CHILDREN_AND_YOUTH, FOOD_SUPPORT),
                    "こども食堂や学習支援を行う団体に、運営費の助成を行っています。"),
            new GrantType("地域づくり財団", "チイキヅクリザイダン", "chiiki-zaidan", List.of(PLACE_TO_BELONG, OTHER),
                    "地域のつながりを育む市民活動への助成を行っています。"),
            new GrantType("社会貢献財団", "シャカイコウケンザイダン", "shakai-koken", List.of(OTHER, POVERTY),
                    "孤独・孤立対策に取り組むNPO等への助成と、活動の担い手の育成を行っています。"),
            new GrantType("つながり基金", "ツナガリキキン", "tsunagari-kikin", List.of(CONSULTATION, PLACE_TO_BELONG),
                    "相談支援や居場所づくりを行う団体への緊急助成を行っています。"));

    /** A kind of private supporting body (民間団体). */
    private record PrivateType(String name, String kana, String slug, String description) {
    }

    private static final List<PrivateType> PRIVATE_TYPES = List.of(
            new PrivateType("応援団", "オウエンダン", "ouendan", "寄付と物資の提供で地域の支援団体を応援しています。"),
            new PrivateType("市民の会", "シミンノカイ", "shimin-no-kai", "会員の会費と寄付で、孤独・孤立対策に取り組む団体を支えています。"),
            new PrivateType("支援協会", "シエンキョウカイ", "shien-kyokai", "支援団体の広報と人材募集を手伝っています。"),
            new PrivateType("地域ネット", "チイキネット", "chiiki-net", "地域の企業と支援団体をつなぐ橋渡しをしています。"));

    private static final List<FieldOfActivity> GOVERNMENT_FIELDS = List.of(CONSULTATION, POVERTY, SUICIDE_PREVENTION,
            FieldOfActivity.CHILDREN_AND_YOUTH, ELDERLY, PLACE_TO_BELONG, OTHER);
    private static final List<TargetGroup> GOVERNMENT_TARGETS = List.of(PEOPLE_IN_POVERTY,
            TargetGroup.CHILDREN_AND_YOUTH, ELDERLY_LIVING_ALONE, TargetGroup.HIKIKOMORI, MENTAL_HEALTH,
            TargetGroup.CARERS);
    private static final List<FieldOfActivity> COMPANY_FIELDS = List.of(FOOD_SUPPORT, HOUSING, CONSULTATION, OTHER,
            ELDERLY, FieldOfActivity.CARERS);
    private static final List<TargetGroup> COMPANY_TARGETS = List.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE,
            TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.CARERS);

    private static final String[] CONTACT_FAMILY_NAMES = {"担当", "事務局", "窓口", "連絡", "広報", "総務", "受付", "企画"};
    private static final String[] CONTACT_GIVEN_NAMES = {"一郎", "花子", "次郎", "桜子", "三郎", "良子", "太郎", "陽子",
            "四郎", "和子"};

    // ---- the builder ----------------------------------------------------------------------------------------------

    /** What an organization is, so that later history can be given to fitting ones. */
    private enum Kind {
        LEAD, MINISTRY, NATIONAL, LOCAL, PREFECTURE, DESIGNATED_CITY, ECONOMIC, CHAMBER, COUNCIL, MUNICIPALITY,
        COMPANY, GRANT_MAKER, PRIVATE
    }

    private static final class Draft {
        final Kind kind;
        final OrganizationProfile profile;
        final MemberCategory category;
        final String department;
        Outcome outcome = Outcome.APPROVED;
        LocalDate joinedOn;
        String decisionNote;
        LocalDate steeringTermStart;
        final List<PlannedChange> changes = new ArrayList<>();
        /** Already given a history of its own (kept apart so that changes never contradict each other). */
        boolean reserved;

        Draft(Kind kind, OrganizationProfile profile, MemberCategory category, String department) {
            this.kind = kind;
            this.profile = profile;
            this.category = category;
            this.department = department;
        }
    }

    private static final class Builder {

        private final Random random;
        private final Set<String> nameKeys = new HashSet<>();
        private final Set<String> corporateNumberBases = new HashSet<>();
        private final List<Draft> drafts = new ArrayList<>();

        Builder(Random random) {
            this.random = random;
        }

        List<PlannedOrganization> build() {
            // ---- members as of 2022-12-01 -----------------------------------------------------------------------
            leads();
            ministries();
            nationals();
            // 234 会員 = 9 lead organizations + 10 ministries + 15 national bodies + 200 local bodies; one of the local
            // bodies joined as 賛助会員 and became 会員 on 2022-09-01.
            Draft movedUp = local(MemberCategory.SUPPORTING);
            movedUp.joinedOn = LocalDate.of(2022, 4, 1);
            movedUp.changes.add(new CategoryChange(MemberCategory.REGULAR,
                    "地域での相談支援事業を始めたため、会員へ移行", LocalDate.of(2022, 9, 1)));
            movedUp.reserved = true;
            for (int i = 0; i < 199; i++) {
                joinedIn2022(local(MemberCategory.REGULAR));
            }
            // …and one more that joined and left before 2022-12-01, so it does not count.
            Draft left = local(MemberCategory.REGULAR);
            left.joinedOn = LocalDate.of(2022, 3, 15);
            left.changes.add(new Withdrawal("団体の解散のため", LocalDate.of(2022, 10, 31)));
            left.reserved = true;

            // 114 協力会員 = 47 prefectures + 20 designated cities + 6 national economic bodies + 10 chambers of
            // commerce + 12 prefectural councils of social welfare + 10 municipalities + 9 companies.
            for (Prefecture prefecture : Prefecture.values()) {
                joinedIn2022(prefecture(prefecture));
            }
            for (Place city : DESIGNATED_CITIES) {
                joinedIn2022(designatedCity(city));
            }
            economicBodies();
            List<Place> chamberCities = shuffled(CITIES);
            for (int i = 0; i < 10; i++) {
                joinedIn2022(chamber(chamberCities.get(i)));
            }
            List<Prefecture> councilPrefectures = shuffled(List.of(Prefecture.values()));
            for (int i = 0; i < 12; i++) {
                joinedIn2022(council(councilPrefectures.get(i)));
            }
            List<Place> municipalities = shuffled(CITIES);
            for (int i = 0; i < 10; i++) {
                joinedIn2022(municipality(municipalities.get(i)));
            }
            for (int i = 0; i < 9; i++) {
                joinedIn2022(company(MemberCategory.COOPERATING));
            }

            // 23 賛助会員 = 13 grant makers + 5 companies + 5 private bodies.
            for (int i = 0; i < 13; i++) {
                joinedIn2022(grantMaker());
            }
            for (int i = 0; i < 5; i++) {
                joinedIn2022(company(MemberCategory.SUPPORTING));
            }
            for (int i = 0; i < 5; i++) {
                joinedIn2022(privateBody());
            }

            // ---- history after 2022-12-01 ------------------------------------------------------------------------
            laterJoiners(municipalities.subList(10, 12), chamberCities.get(10));
            withdrawals();
            categoryChanges();
            suspensions();
            profileUpdates();
            openApplications();

            List<PlannedOrganization> plan = new ArrayList<>();
            for (Draft d : drafts) {
                int number = plan.size() + 1;
                plan.add(new PlannedOrganization(number, d.profile, d.category, contact(number, d.department),
                        d.outcome, d.joinedOn, d.decisionNote, d.steeringTermStart, d.changes));
            }
            return List.copyOf(plan);
        }

        // ---- the nine lead organizations (担当幹事団体) -----------------------------------------------------------

        private void leads() {
            lead("あなたのいばしょ", "アナタノイバショ", NPO_CORPORATION, BodyType.NPO_SUPPORT,
                    Set.of(CONSULTATION, SUICIDE_PREVENTION, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(MENTAL_HEALTH, TargetGroup.CHILDREN_AND_YOUTH, JAPANESE_ABROAD),
                    Set.of(COUNTER_CONSULTATION), "anatano-ibasho",
                    "24時間365日、年齢や性別を問わず誰でも無料で利用できるチャット相談窓口を運営しています（SNS相談コンソーシアム）。",
                    LocalDate.of(2022, 2, 16));
            lead("新公益連盟", "シンコウエキレンメイ", GENERAL_INCORPORATED_ASSOCIATION, BodyType.INTERMEDIARY_SUPPORT,
                    Set.of(OTHER, FieldOfActivity.CHILDREN_AND_YOUTH, POVERTY),
                    Set.of(TargetGroup.CHILDREN_AND_YOUTH, PEOPLE_IN_POVERTY), Set.of(), "shinkoeki",
                    "社会課題の解決に取り組むNPO・ソーシャルセクターの連合体として、政策提言と組織基盤の強化を進めています。",
                    LocalDate.of(2022, 2, 16));
            lead("全国社会福祉協議会", "ゼンコクシャカイフクシキョウギカイ", SOCIAL_WELFARE_CORPORATION,
                    BodyType.SOCIAL_WELFARE_COUNCIL, Set.of(POVERTY, PLACE_TO_BELONG, ELDERLY),
                    Set.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE, TargetGroup.HIKIKOMORI),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT), "zenshakyo",
                    "全国の社会福祉協議会の中央組織として、地域福祉の推進と生活困窮者への支援に取り組んでいます。",
                    LocalDate.of(2022, 2, 16));
            lead("全国社会福祉法人経営者協議会", "ゼンコクシャカイフクシホウジンケイエイシャキョウギカイ",
                    UNINCORPORATED_ASSOCIATION, BodyType.NATIONAL_FIELD_ORGANIZATION,
                    Set.of(PLACE_TO_BELONG, ELDERLY, POVERTY), Set.of(ELDERLY_LIVING_ALONE, PEOPLE_IN_POVERTY),
                    Set.of(LOCAL_SUPPORT), "keieikyo",
                    "全国の社会福祉法人の経営者の団体として、法人による地域における公益的な取組を推進しています。",
                    LocalDate.of(2022, 2, 22));
            lead("日本NPOセンター", "ニホンエヌピーオーセンター", NPO_CORPORATION, BodyType.INTERMEDIARY_SUPPORT,
                    Set.of(OTHER, PLACE_TO_BELONG), Set.of(TargetGroup.CHILDREN_AND_YOUTH, PEOPLE_IN_POVERTY),
                    Set.of(), "jnpoc",
                    "全国のNPO支援センターをつなぐ中間支援組織として、市民活動の基盤づくりと協働を進めています。",
                    LocalDate.of(2022, 2, 22));
            lead("生活困窮者自立支援全国ネットワーク", "セイカツコンキュウシャジリツシエンゼンコクネットワーク",
                    GENERAL_INCORPORATED_ASSOCIATION, BodyType.NATIONAL_FIELD_ORGANIZATION,
                    Set.of(POVERTY, HOUSING, CONSULTATION), Set.of(PEOPLE_IN_POVERTY, TargetGroup.HIKIKOMORI),
                    Set.of(LOCAL_SUPPORT), "konkyu-net",
                    "生活困窮者自立支援制度に関わる支援者・研究者のネットワークとして、実践の交流と研修を行っています。",
                    LocalDate.of(2022, 2, 25));
            lead("自殺対策支援センターライフリンク", "ジサツタイサクシエンセンターライフリンク", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(SUICIDE_PREVENTION, CONSULTATION),
                    Set.of(MENTAL_HEALTH, TargetGroup.CHILDREN_AND_YOUTH), Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                    "lifelink",
                    "「生き心地の良い社会」をめざし、自殺対策の政策提言とSNS相談などの支援を行っています。",
                    LocalDate.of(2022, 3, 1));
            lead("日本いのちの電話連盟", "ニホンイノチノデンワレンメイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(CONSULTATION, SUICIDE_PREVENTION),
                    Set.of(MENTAL_HEALTH), Set.of(COUNTER_CONSULTATION), "inochinodenwa-renmei",
                    "全国のいのちの電話をつなぎ、ボランティア相談員の養成と電話相談の質の向上に取り組んでいます。",
                    LocalDate.of(2022, 3, 4));
            lead("よりそいホットライン", "ヨリソイホットライン", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION,
                    Set.of(CONSULTATION, POVERTY, DOMESTIC_VIOLENCE),
                    Set.of(PEOPLE_IN_POVERTY, DV_VICTIMS, TargetGroup.FOREIGN_RESIDENTS),
                    Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT), "yorisoi",
                    "どんな悩みにも寄り添う24時間の無料電話相談を、多言語・専門ラインとともに運営しています。",
                    LocalDate.of(2022, 3, 10));
        }

        private void lead(String name, String kana, LegalForm legalForm, BodyType bodyType,
                          Set<FieldOfActivity> fields, Set<TargetGroup> targets, Set<ConsultationCapability> capabilities,
                          String slug, String description, LocalDate joinedOn) {
            Draft d = add(Kind.LEAD, MemberCategory.REGULAR, "事務局", profile(name, kana, legalForm, bodyType, true,
                    Set.of(), fields, targets, capabilities, "https://" + slug + ".example.jp", description, true));
            d.joinedOn = joinedOn;
            d.steeringTermStart = joinedOn;
        }

        // ---- 関係府省庁 ----------------------------------------------------------------------------------------

        private void ministries() {
            ministry("内閣府", "ナイカクフ", "cao", Set.of(OTHER, WOMEN_SUPPORT, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(DV_VICTIMS, TargetGroup.CHILDREN_AND_YOUTH));
            ministry("厚生労働省", "コウセイロウドウショウ", "mhlw", Set.of(POVERTY, SUICIDE_PREVENTION, MEDICAL),
                    Set.of(PEOPLE_IN_POVERTY, MENTAL_HEALTH, ELDERLY_LIVING_ALONE));
            ministry("文部科学省", "モンブカガクショウ", "mext", Set.of(FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(SCHOOL_NON_ATTENDANCE, TargetGroup.CHILDREN_AND_YOUTH));
            ministry("法務省", "ホウムショウ", "moj", Set.of(FieldOfActivity.FOREIGN_RESIDENTS, OTHER),
                    Set.of(TargetGroup.FOREIGN_RESIDENTS));
            ministry("総務省", "ソウムショウ", "soumu", Set.of(OTHER), Set.of(ELDERLY_LIVING_ALONE));
            ministry("警察庁", "ケイサツチョウ", "npa", Set.of(DOMESTIC_VIOLENCE, SUICIDE_PREVENTION), Set.of(DV_VICTIMS));
            ministry("外務省", "ガイムショウ", "mofa", Set.of(OTHER, CONSULTATION), Set.of(JAPANESE_ABROAD));
            ministry("国土交通省", "コクドコウツウショウ", "mlit", Set.of(HOUSING),
                    Set.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE));
            ministry("農林水産省", "ノウリンスイサンショウ", "maff", Set.of(FOOD_SUPPORT),
                    Set.of(PEOPLE_IN_POVERTY, TargetGroup.CHILDREN_AND_YOUTH));
            ministry("消費者庁", "ショウヒシャチョウ", "caa", Set.of(OTHER, ELDERLY), Set.of(ELDERLY_LIVING_ALONE));
        }

        private Draft ministry(String name, String kana, String slug, Set<FieldOfActivity> fields,
                               Set<TargetGroup> targets) {
            return joinedIn2022(add(Kind.MINISTRY, MemberCategory.REGULAR, "孤独・孤立対策担当",
                    profile(name, kana, NATIONAL_GOVERNMENT_BODY, BodyType.MINISTRY, true, Set.of(), fields, targets,
                            Set.of(), "https://www." + slug + ".example.jp",
                            "孤独・孤立対策に関係する施策を所管する府省庁として、官民連携に参画しています。", true)));
        }

        // ---- national bodies ------------------------------------------------------------------------------------

        private void nationals() {
            national("全国こども居場所ネットワーク", "ゼンコクコドモイバショネットワーク", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(PLACE_TO_BELONG, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(TargetGroup.CHILDREN_AND_YOUTH, SCHOOL_NON_ATTENDANCE), Set.of(LOCAL_SUPPORT),
                    "kodomo-ibasho-net", "全国のこどもの居場所づくりに取り組む団体をつなぎ、運営のノウハウを共有しています。");
            national("日本ひとり親サポート協会", "ニホンヒトリオヤサポートキョウカイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(POVERTY, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(SINGLE_PARENTS), Set.of(COUNTER_CONSULTATION),
                    "hitorioya-support", "ひとり親家庭の暮らしと子育てを、相談と情報提供で支えています。");
            national("全国若者相談支援協議会", "ゼンコクワカモノソウダンシエンキョウギカイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(CONSULTATION, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.HIKIKOMORI), Set.of(COUNTER_CONSULTATION),
                    "wakamono-soudan", "若者の相談支援に携わる団体の全国協議会として、研修と事例検討を行っています。");
            national("全国ヤングケアラー支援ネット", "ゼンコクヤングケアラーシエンネット", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(FieldOfActivity.CARERS, FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(TargetGroup.CARERS, TargetGroup.CHILDREN_AND_YOUTH), Set.of(LOCAL_SUPPORT),
                    "young-carer", "家族の世話を担うこども・若者が孤立しないよう、各地の支援団体をつないでいます。");
            national("日本多文化共生ネットワーク", "ニホンタブンカキョウセイネットワーク", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(FieldOfActivity.FOREIGN_RESIDENTS),
                    Set.of(TargetGroup.FOREIGN_RESIDENTS), Set.of(COUNTER_CONSULTATION),
                    "tabunka-net", "外国にルーツをもつ人の相談に応じる全国の団体をつなぎ、多言語の情報を発信しています。");
            national("全国居住支援フォーラム", "ゼンコクキョジュウシエンフォーラム", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(HOUSING, POVERTY),
                    Set.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE), Set.of(LOCAL_SUPPORT),
                    "kyoju-forum", "住まいと暮らしを一体で支える居住支援の担い手が集い、実践を共有しています。");
            national("日本孤立防止研究会", "ニホンコリツボウシケンキュウカイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.INTERMEDIARY_SUPPORT, Set.of(OTHER), Set.of(ELDERLY_LIVING_ALONE, MENTAL_HEALTH), Set.of(),
                    "koritsu-boshi", "孤独・孤立の実態と予防策を研究し、支援の現場に知見を届けています。");
            national("全国SNS相談連絡会", "ゼンコクエスエヌエスソウダンレンラクカイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(CONSULTATION, SUICIDE_PREVENTION),
                    Set.of(MENTAL_HEALTH, TargetGroup.CHILDREN_AND_YOUTH), Set.of(COUNTER_CONSULTATION),
                    "sns-soudan", "SNS相談を行う団体の連絡会として、相談員の研修と団体間の連携を進めています。");
            national("日本高齢者見守り協会", "ニホンコウレイシャミマモリキョウカイ", PUBLIC_INTEREST_INCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(ELDERLY), Set.of(ELDERLY_LIVING_ALONE),
                    Set.of(LOCAL_SUPPORT), "mimamori-kyokai", "一人暮らしの高齢者の見守り活動を全国に広げています。");
            national("全国女性シェルター支援ネット", "ゼンコクジョセイシェルターシエンネット", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(WOMEN_SUPPORT, DOMESTIC_VIOLENCE, HOUSING),
                    Set.of(DV_VICTIMS), Set.of(LOCAL_SUPPORT),
                    "shelter-net", "民間シェルターの運営を支え、被害を受けた女性と子どもの安全を守る活動をしています。");
            national("全国グリーフサポート連絡会", "ゼンコクグリーフサポートレンラクカイ", UNINCORPORATED_ASSOCIATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(CONSULTATION, MEDICAL), Set.of(MENTAL_HEALTH),
                    Set.of(COUNTER_CONSULTATION), "grief-support", "大切な人を亡くした人の分かち合いの会を全国で開いています。");
            national("日本LGBTQ相談ネット", "ニホンエルジービーティーキューソウダンネット", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(FieldOfActivity.LGBTQ, CONSULTATION),
                    Set.of(TargetGroup.LGBTQ), Set.of(COUNTER_CONSULTATION),
                    "lgbtq-soudan", "LGBTQの人と家族のための電話・SNS相談を全国で受けています。");
            national("全国不登校支援協議会", "ゼンコクフトウコウシエンキョウギカイ", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(FieldOfActivity.CHILDREN_AND_YOUTH),
                    Set.of(SCHOOL_NON_ATTENDANCE), Set.of(),
                    "futoko-shien", "フリースクールや親の会をつなぎ、不登校のこどもの学びの場を広げています。");
            national("全国つながりサロン協会", "ゼンコクツナガリサロンキョウカイ", GENERAL_INCORPORATED_ASSOCIATION,
                    BodyType.INTERMEDIARY_SUPPORT, Set.of(PLACE_TO_BELONG, ELDERLY), Set.of(ELDERLY_LIVING_ALONE),
                    Set.of(LOCAL_SUPPORT), "tsunagari-salon", "地域のサロン活動の立ち上げを支え、担い手の研修を行っています。");
            national("海外在住者相談ネットワーク", "カイガイザイジュウシャソウダンネットワーク", NPO_CORPORATION,
                    BodyType.NATIONAL_FIELD_ORGANIZATION, Set.of(CONSULTATION, OTHER), Set.of(JAPANESE_ABROAD),
                    Set.of(COUNTER_CONSULTATION),
                    "kaigai-soudan", "海外で暮らす日本人の孤独・孤立に関する相談を、オンラインで受けています。");
        }

        private void national(String name, String kana, LegalForm legalForm, BodyType bodyType,
                              Set<FieldOfActivity> fields, Set<TargetGroup> targets,
                              Set<ConsultationCapability> capabilities, String slug, String description) {
            joinedIn2022(add(Kind.NATIONAL, MemberCategory.REGULAR, "事務局", profile(name, kana, legalForm, bodyType,
                    true, Set.of(), fields, targets, capabilities, "https://" + slug + ".example.jp", description, true)));
        }

        // ---- local support bodies -------------------------------------------------------------------------------

        private Draft local(MemberCategory category) {
            while (true) {
                Place place = pick(PLACES);
                LocalType type = pick(LOCAL_TYPES);
                Nickname nickname = random.nextInt(4) == 0 ? pick(NICKNAMES) : null;
                String name = place.name() + (nickname == null ? "" : nickname.name()) + type.name();
                if (!nameFree(name)) {
                    continue;
                }
                String kana = place.kana() + (nickname == null ? "" : nickname.kana()) + type.kana();
                String slug = place.slug() + (nickname == null ? "" : "-" + nickname.slug()) + "-" + type.slug();
                LegalForm legalForm = pick(type.legalForms());
                Set<String> prefectures = new LinkedHashSet<>();
                prefectures.add(place.prefectureCode());
                if (random.nextInt(8) == 0) {
                    prefectures.add(neighbour(place.prefectureCode()));
                }
                Set<ConsultationCapability> capabilities = random.nextInt(5) == 0 ? Set.of() : type.capabilities();
                boolean consent = random.nextInt(30) != 0;
                return add(Kind.LOCAL, category, "事務局", profile(name, kana, legalForm, type.bodyType(), false,
                        prefectures, someFirst(type.fields()), someFirst(type.targets()), capabilities,
                        "https://" + slug + ".example.jp", String.format(type.description(), place.area()), consent));
            }
        }

        // ---- governments ----------------------------------------------------------------------------------------

        private Draft prefecture(Prefecture prefecture) {
            return add(Kind.PREFECTURE, MemberCategory.COOPERATING, "孤独・孤立対策担当課",
                    profile(prefecture.label(), fullReading(prefecture), LOCAL_GOVERNMENT, BodyType.PREFECTURE, false,
                            Set.of(prefecture.code()), someOf(GOVERNMENT_FIELDS), someOf(GOVERNMENT_TARGETS),
                            random.nextInt(3) == 0 ? Set.of(LOCAL_SUPPORT) : Set.of(),
                            "https://www.pref." + prefecture.name().toLowerCase() + ".example.jp",
                            prefecture.label() + "の孤独・孤立対策担当部局です。" + within(prefecture)
                                    + "の官民連携プラットフォームづくりを進めています。", true));
        }

        private Draft designatedCity(Place city) {
            return add(Kind.DESIGNATED_CITY, MemberCategory.COOPERATING, "孤独・孤立対策担当課",
                    profile(city.area(), city.areaKana(), LOCAL_GOVERNMENT, BodyType.DESIGNATED_CITY, false,
                            Set.of(city.prefectureCode()), someOf(GOVERNMENT_FIELDS), someOf(GOVERNMENT_TARGETS),
                            random.nextInt(3) == 0 ? Set.of(LOCAL_SUPPORT) : Set.of(),
                            "https://www.city." + city.slug() + ".example.jp",
                            city.area() + "の孤独・孤立対策担当部局です。市内の相談窓口と地域の支援団体をつないでいます。", true));
        }

        private Draft municipality(Place city) {
            return add(Kind.MUNICIPALITY, MemberCategory.COOPERATING, "福祉政策課",
                    profile(city.area(), city.areaKana(), LOCAL_GOVERNMENT, BodyType.MUNICIPALITY, false,
                            Set.of(city.prefectureCode()), someOf(GOVERNMENT_FIELDS), someOf(GOVERNMENT_TARGETS),
                            random.nextInt(2) == 0 ? Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT) : Set.of(LOCAL_SUPPORT),
                            "https://www.city." + city.slug() + ".example.jp",
                            city.area() + "の福祉担当部署です。重層的支援体制整備事業と連携して孤独・孤立対策に取り組んでいます。",
                            true));
        }

        // ---- economic bodies, councils of social welfare, companies ----------------------------------------------

        private void economicBodies() {
            economic("日本経済団体連合会", "ニホンケイザイダンタイレンゴウカイ", GENERAL_INCORPORATED_ASSOCIATION, "keidanren");
            economic("日本商工会議所", "ニホンショウコウカイギショ", OTHER_CORPORATION, "jcci");
            economic("全国商工会連合会", "ゼンコクショウコウカイレンゴウカイ", OTHER_CORPORATION, "shokokai");
            economic("経済同友会", "ケイザイドウユウカイ", PUBLIC_INTEREST_INCORPORATED_ASSOCIATION, "doyukai");
            economic("全国中小企業団体中央会", "ゼンコクチュウショウキギョウダンタイチュウオウカイ", OTHER_CORPORATION, "chuokai");
            economic("日本労働組合総連合会", "ニホンロウドウクミアイソウレンゴウカイ", OTHER_CORPORATION, "rengo");
        }

        private void economic(String name, String kana, LegalForm legalForm, String slug) {
            joinedIn2022(add(Kind.ECONOMIC, MemberCategory.COOPERATING, "社会貢献担当",
                    profile(name, kana, legalForm, BodyType.ECONOMIC_ORGANIZATION, true, Set.of(),
                            someOf(List.of(OTHER, FieldOfActivity.CARERS, POVERTY)),
                            someOf(List.of(TargetGroup.CARERS, PEOPLE_IN_POVERTY, TargetGroup.CHILDREN_AND_YOUTH)),
                            Set.of(), "https://www." + slug + ".example.jp",
                            "会員企業とともに、働く人の孤独・孤立の予防と、支援団体との協働に取り組んでいます。", true)));
        }

        private Draft chamber(Place city) {
            return add(Kind.CHAMBER, MemberCategory.COOPERATING, "地域振興課",
                    profile(city.name() + "商工会議所", city.kana() + "ショウコウカイギショ", OTHER_CORPORATION,
                            BodyType.ECONOMIC_ORGANIZATION, false, Set.of(city.prefectureCode()),
                            someOf(List.of(OTHER, FOOD_SUPPORT, ELDERLY)), someOf(List.of(ELDERLY_LIVING_ALONE,
                                    TargetGroup.CARERS, PEOPLE_IN_POVERTY)), Set.of(),
                            "https://www.cci-" + city.slug() + ".example.jp",
                            city.area() + "の事業者とともに、地域の見守りと支援団体への協力を進めています。", true));
        }

        private Draft council(Prefecture prefecture) {
            return add(Kind.COUNCIL, MemberCategory.COOPERATING, "地域福祉部",
                    profile(prefecture.label() + "社会福祉協議会", fullReading(prefecture) + "シャカイフクシキョウギカイ",
                            SOCIAL_WELFARE_CORPORATION, BodyType.SOCIAL_WELFARE_COUNCIL, false, Set.of(prefecture.code()),
                            someFirst(List.of(POVERTY, PLACE_TO_BELONG, ELDERLY)),
                            someFirst(List.of(PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE, TargetGroup.HIKIKOMORI)),
                            Set.of(COUNTER_CONSULTATION, LOCAL_SUPPORT),
                            "https://www." + prefecture.name().toLowerCase() + "-shakyo.example.jp",
                            prefecture.label() + "の地域福祉の推進役として、生活福祉資金の貸付や居場所づくりを支援しています。",
                            true));
        }

        private Draft company(MemberCategory category) {
            while (true) {
                Nickname nickname = pick(NICKNAMES);
                CompanyType type = pick(COMPANY_TYPES);
                String name = nickname.name() + type.name();
                if (!nameFree(name)) {
                    continue;
                }
                Set<FieldOfActivity> fields = new LinkedHashSet<>();
                fields.add(type.field());
                if (random.nextBoolean()) {
                    fields.add(pick(COMPANY_FIELDS));
                }
                boolean nationwide = random.nextBoolean();
                return add(Kind.COMPANY, category, "CSR推進室",
                        profile(name, nickname.kana() + type.kana(), STOCK_COMPANY, BodyType.PRIVATE_COMPANY,
                                nationwide, nationwide ? Set.of() : Set.of(pick(List.of(Prefecture.values())).code()),
                                fields, someOf(COMPANY_TARGETS), Set.of(),
                                "https://www." + nickname.slug() + "-" + type.slug() + ".example.jp",
                                type.description(), random.nextInt(20) != 0));
            }
        }

        private Draft grantMaker() {
            while (true) {
                Nickname nickname = pick(NICKNAMES);
                GrantType type = pick(GRANT_TYPES);
                String name = nickname.name() + type.name();
                if (type.kana().startsWith(nickname.kana()) || !nameFree(name)) {
                    continue;
                }
                return add(Kind.GRANT_MAKER, MemberCategory.SUPPORTING, "助成事業部",
                        profile(name, nickname.kana() + type.kana(),
                                random.nextInt(4) == 0 ? GENERAL_INCORPORATED_FOUNDATION : PUBLIC_INTEREST_INCORPORATED_FOUNDATION,
                                BodyType.GRANT_MAKER, true, Set.of(), someFirst(type.fields()),
                                someOf(List.of(TargetGroup.CHILDREN_AND_YOUTH, PEOPLE_IN_POVERTY, ELDERLY_LIVING_ALONE,
                                        SINGLE_PARENTS)), Set.of(),
                                "https://www." + nickname.slug() + "-" + type.slug() + ".example.jp",
                                type.description(), true));
            }
        }

        private Draft privateBody() {
            while (true) {
                Nickname nickname = pick(NICKNAMES);
                PrivateType type = pick(PRIVATE_TYPES);
                String name = nickname.name() + type.name();
                if (!nameFree(name)) {
                    continue;
                }
                Place place = pick(PLACES);
                return add(Kind.PRIVATE, MemberCategory.SUPPORTING, "事務局",
                        profile(name, nickname.kana() + type.kana(), GENERAL_INCORPORATED_ASSOCIATION,
                                BodyType.PRIVATE_ORGANIZATION, false, Set.of(place.prefectureCode()),
                                someOf(List.of(PLACE_TO_BELONG, FOOD_SUPPORT, OTHER)),
                                someOf(List.of(TargetGroup.CHILDREN_AND_YOUTH, ELDERLY_LIVING_ALONE, PEOPLE_IN_POVERTY)),
                                Set.of(), "https://" + nickname.slug() + "-" + type.slug() + ".example.jp",
                                place.area() + "を拠点に、" + type.description(), random.nextInt(20) != 0));
            }
        }

        // ---- history after 2022-12-01 ---------------------------------------------------------------------------

        /** 30 organizations joining in 2023–2025. */
        private void laterJoiners(List<Place> municipalities, Place chamberCity) {
            Draft agency = add(Kind.MINISTRY, MemberCategory.REGULAR, "孤独・孤立対策担当",
                    profile("こども家庭庁", "コドモカテイチョウ", NATIONAL_GOVERNMENT_BODY, BodyType.MINISTRY, true,
                            Set.of(), Set.of(FieldOfActivity.CHILDREN_AND_YOUTH, POVERTY),
                            Set.of(TargetGroup.CHILDREN_AND_YOUTH, SINGLE_PARENTS, SCHOOL_NON_ATTENDANCE), Set.of(),
                            "https://www.cfa.example.jp",
                            "こども政策の司令塔として2023年4月に発足し、こども・若者の孤独・孤立対策に取り組んでいます。",
                            true));
            agency.joinedOn = LocalDate.of(2023, 4, 3);
            for (int i = 0; i < 21; i++) {
                joinedLater(local(MemberCategory.REGULAR));
            }
            for (Place city : municipalities) {
                joinedLater(municipality(city));
            }
            joinedLater(chamber(chamberCity));
            joinedLater(company(MemberCategory.COOPERATING));
            joinedLater(company(MemberCategory.COOPERATING));
            joinedLater(grantMaker());
            joinedLater(grantMaker());
            joinedLater(privateBody());
        }

        /** About 8 members that joined in 2022 leave in 2023–2025. */
        private void withdrawals() {
            String[] reasons = {"団体の解散のため", "活動休止のため", "他団体との統合のため", "事務局体制の維持が難しくなったため",
                    "活動地域の縮小に伴い", "法人の解散のため"};
            LocalDate[] dates = {LocalDate.of(2023, 3, 31), LocalDate.of(2023, 7, 31), LocalDate.of(2023, 12, 31),
                    LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2025, 3, 31)};
            for (int i = 0; i < dates.length; i++) {
                reserve(Kind.LOCAL, MemberCategory.REGULAR).changes.add(new Withdrawal(reasons[i], dates[i]));
            }
            reserve(Kind.COMPANY, MemberCategory.COOPERATING).changes
                    .add(new Withdrawal("事業の整理に伴い", LocalDate.of(2024, 9, 30)));
            reserve(Kind.PRIVATE, MemberCategory.SUPPORTING).changes
                    .add(new Withdrawal("会の解散のため", LocalDate.of(2025, 6, 30)));
        }

        /** About 5 category changes in 2023–2024. */
        private void categoryChanges() {
            reserve(Kind.LOCAL, MemberCategory.REGULAR).changes.add(new CategoryChange(MemberCategory.SUPPORTING,
                    "直接支援の事業を終え、賛助会員として本会の活動を支援するため", LocalDate.of(2023, 4, 1)));
            reserve(Kind.COMPANY, MemberCategory.COOPERATING).changes.add(new CategoryChange(MemberCategory.SUPPORTING,
                    "寄付による支援を中心とするため", LocalDate.of(2023, 7, 1)));
            reserve(Kind.PRIVATE, MemberCategory.SUPPORTING).changes.add(new CategoryChange(MemberCategory.REGULAR,
                    "居場所づくりの事業を始めたため、会員へ移行", LocalDate.of(2023, 10, 1)));
            reserve(Kind.LOCAL, MemberCategory.REGULAR).changes.add(new CategoryChange(MemberCategory.SUPPORTING,
                    "活動の縮小に伴い、賛助会員として関わるため", LocalDate.of(2024, 4, 1)));
            reserve(Kind.COMPANY, MemberCategory.SUPPORTING).changes.add(new CategoryChange(MemberCategory.COOPERATING,
                    "従業員向けのつながりサポーター養成講座の開催など、本会の活動に協力するため", LocalDate.of(2024, 7, 1)));
        }

        private void suspensions() {
            reserve(Kind.LOCAL, MemberCategory.REGULAR).changes.add(new Suspension(
                    "連絡がとれない状態が続いているため", LocalDate.of(2024, 2, 15)));
            reserve(Kind.LOCAL, MemberCategory.REGULAR).changes.add(new Suspension(
                    "会則に反する活動の有無を確認しているため", LocalDate.of(2025, 1, 20)));
        }

        private void profileUpdates() {
            Draft ibasho = drafts.get(0);
            ibasho.changes.add(new ProfileUpdate(descriptionPatch(
                    "24時間365日、年齢や性別を問わず誰でも無料・匿名で利用できるチャット相談窓口を運営しています。"
                            + "海外に住む日本人からの相談にも応じています。"), LocalDate.of(2023, 5, 1)));
            Draft npoCenter = drafts.get(4);
            npoCenter.changes.add(new ProfileUpdate(websitePatch("https://www.jnpoc.example.jp"),
                    LocalDate.of(2024, 4, 1)));
            Draft first = reserve(Kind.LOCAL, MemberCategory.REGULAR);
            first.changes.add(new ProfileUpdate(websitePatch(
                    first.profile.website().replace("https://", "https://www.")), LocalDate.of(2023, 9, 15)));
            Draft second = reserve(Kind.LOCAL, MemberCategory.REGULAR);
            second.changes.add(new ProfileUpdate(descriptionPatch(second.profile.publicDescription()
                    + "2024年度からオンライン相談も始めました。"), LocalDate.of(2024, 11, 1)));
            Draft third = reserve(Kind.GRANT_MAKER, MemberCategory.SUPPORTING);
            third.changes.add(new ProfileUpdate(descriptionPatch(third.profile.publicDescription()
                    + "2025年度は孤独・孤立対策強化月間に合わせた特別助成を行います。"), LocalDate.of(2025, 4, 1)));
        }

        /** Work left for the secretariat: 4 applications waiting, 2 sent back, 1 rejected. */
        private void openApplications() {
            for (int i = 0; i < 3; i++) {
                local(MemberCategory.REGULAR).outcome = Outcome.LEFT_APPLIED;
            }
            grantMaker().outcome = Outcome.LEFT_APPLIED;
            Draft sentBack = local(MemberCategory.REGULAR);
            sentBack.outcome = Outcome.SENT_BACK;
            sentBack.decisionNote = "活動内容の記載が不足しています。主な活動地域と支援の対象者を追記のうえ、再度提出してください。";
            Draft sentBackToo = local(MemberCategory.REGULAR);
            sentBackToo.outcome = Outcome.SENT_BACK;
            sentBackToo.decisionNote = "法人番号が登記の内容と一致するか確認のうえ、再度提出してください。";
            Draft rejected = company(MemberCategory.SUPPORTING);
            rejected.outcome = Outcome.REJECTED;
            rejected.decisionNote = "孤独・孤立対策に関する活動・支援の内容が確認できないため";
        }

        // ---- helpers --------------------------------------------------------------------------------------------

        private Draft add(Kind kind, MemberCategory category, String department, OrganizationProfile profile) {
            if (!nameKeys.add(JapaneseText.nameKey(profile.name()))) {
                throw new IllegalStateException("demo organization name used twice: " + profile.name());
            }
            Draft draft = new Draft(kind, profile, category, department);
            drafts.add(draft);
            return draft;
        }

        private boolean nameFree(String name) {
            return !nameKeys.contains(JapaneseText.nameKey(name));
        }

        private OrganizationProfile profile(String name, String kana, LegalForm legalForm, BodyType bodyType,
                                            boolean nationwide, Set<String> prefectureCodes,
                                            Set<FieldOfActivity> fields, Set<TargetGroup> targets,
                                            Set<ConsultationCapability> capabilities, String website,
                                            String description, boolean consentToPublish) {
            String corporateNumber = legalForm.requiresCorporateNumber() ? corporateNumber() : null;
            return new OrganizationProfile(name, kana, legalForm, corporateNumber, bodyType, nationwide,
                    nationwide ? Set.of() : prefectureCodes, fields, targets, capabilities, website, description,
                    consentToPublish);
        }

        /** Fictitious but valid: a random base that was never used before, with its check digit. */
        private String corporateNumber() {
            while (true) {
                long base = 100_000_000_000L + (long) (random.nextDouble() * 900_000_000_000L);
                String digits = Long.toString(base);
                if (digits.length() == 12 && corporateNumberBases.add(digits)) {
                    return CorporateNumber.withCheckDigit(digits);
                }
            }
        }

        private Draft joinedIn2022(Draft draft) {
            // The earlier of two uniform draws: most members registered in the platform's first months.
            long days = ChronoUnit.DAYS.between(FIRST_JOINING, LAST_JOINING_BEFORE_REFERENCE);
            long offset = Math.min(random.nextInt((int) days + 1), random.nextInt((int) days + 1));
            draft.joinedOn = FIRST_JOINING.plusDays(offset);
            return draft;
        }

        private Draft joinedLater(Draft draft) {
            LocalDate from = LocalDate.of(2023, 1, 10);
            long days = ChronoUnit.DAYS.between(from, LocalDate.of(2025, 9, 30));
            draft.joinedOn = from.plusDays(random.nextInt((int) days + 1));
            return draft;
        }

        /** A member of 2022 of this kind and category that has no history of its own yet. */
        private Draft reserve(Kind kind, MemberCategory category) {
            List<Draft> candidates = drafts.stream()
                    .filter(d -> d.kind == kind && d.category == category && !d.reserved
                            && d.outcome == Outcome.APPROVED && d.joinedOn != null
                            && d.joinedOn.isBefore(REFERENCE_DATE) && d.changes.isEmpty())
                    .toList();
            Draft chosen = candidates.get(random.nextInt(candidates.size()));
            chosen.reserved = true;
            return chosen;
        }

        private ContactDetails contact(int number, String department) {
            String name = CONTACT_FAMILY_NAMES[(number - 1) % CONTACT_FAMILY_NAMES.length] + " "
                    + CONTACT_GIVEN_NAMES[((number - 1) / CONTACT_FAMILY_NAMES.length) % CONTACT_GIVEN_NAMES.length];
            return new ContactDetails(name, String.format(CONTACT_ADDRESS, number),
                    String.format("03-0000-%04d", number), department);
        }

        private String neighbour(String code) {
            int n = Integer.parseInt(code);
            int other = n == 1 ? 2 : n == 47 ? 46 : (random.nextBoolean() ? n - 1 : n + 1);
            return String.format("%02d", other);
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private <T> List<T> shuffled(List<T> options) {
            List<T> copy = new ArrayList<>(options);
            Collections.shuffle(copy, random);
            return copy;
        }

        /** The first option (the one that defines the kind) and up to two more of the others. */
        private <T> Set<T> someFirst(List<T> options) {
            int size = 1 + random.nextInt(Math.min(3, options.size()));
            Set<T> chosen = new LinkedHashSet<>();
            chosen.add(options.get(0));
            List<T> rest = shuffled(options.subList(1, options.size()));
            for (int i = 0; chosen.size() < size; i++) {
                chosen.add(rest.get(i));
            }
            return chosen;
        }

        /** One to three of the options, any of them. */
        private <T> Set<T> someOf(List<T> options) {
            int size = 1 + random.nextInt(Math.min(3, options.size()));
            return new LinkedHashSet<>(shuffled(options).subList(0, size));
        }

        private static ProfilePatch websitePatch(String website) {
            return new ProfilePatch(null, null, null, null, null, null, null, null, null, null, website, null, null,
                    null);
        }

        private static ProfilePatch descriptionPatch(String description) {
            return new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null, description,
                    null, null);
        }
    }
}
