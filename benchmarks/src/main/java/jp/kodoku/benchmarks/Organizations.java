package jp.kodoku.benchmarks;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid, distinct organizations for the benchmarks: unique names (a katakana tag per number), corporate numbers with
 * their check digit, a spread of prefectures, fields and groups, so that searches match a fraction of the directory.
 *
 * <p>Everything the benchmark writes is attributed to {@link #PRINCIPAL}. Its contacts are invented: the benchmark runs
 * the platform with {@code platform.accounts.follow-membership=false} (see Platform), so no sign-in accounts are made
 * for them.
 */
final class Organizations {

    static final String PRINCIPAL = "system:benchmark";

    /** Kinds of organization: name, reading. Searches for "ネットワーク", "センター", … match one or two kinds. */
    private static final String[][] KINDS = {
            {"こども食堂ネットワーク", "コドモショクドウネットワーク"},
            {"居場所づくりの会", "イバショヅクリノカイ"},
            {"相談支援センター", "ソウダンシエンセンター"},
            {"ひきこもり家族会", "ヒキコモリカゾクカイ"},
            {"フードバンク", "フードバンク"},
            {"見守り協議会", "ミマモリキョウギカイ"},
            {"ユースサポートセンター", "ユースサポートセンター"},
            {"地域福祉ネットワーク", "チイキフクシネットワーク"},
    };
    private static final String[] TAGS = {"サクラ", "ミドリ", "アオゾラ", "ヒマワリ", "ツバサ", "ミナト", "イズミ", "カエデ"};
    private static final FieldOfActivity[] FIELDS = FieldOfActivity.values();
    private static final TargetGroup[] GROUPS = TargetGroup.values();

    /** The search terms of the read-path benchmark. */
    static final String[] QUERIES = {"ネットワーク", "センター", "こども", "みまもり"};

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String DESCRIPTION = "地域でこども食堂と居場所づくり、相談窓口の運営をしています。どなたでもお気軽にお越しください。";

    private Organizations() {
    }

    /** A number never used before in this JVM; names and corporate numbers are made from it. */
    static long next() {
        return SEQUENCE.incrementAndGet();
    }

    static OrganizationProfile profile(long n) {
        String[] kind = KINDS[(int) (n % KINDS.length)];
        String tag = tag(n);
        String corporateNumber = CorporateNumber.withCheckDigit(String.format("%012d", 300_000_000_000L + n));
        String prefecture = String.format("%02d", 1 + n % 47);
        String neighbour = String.format("%02d", 1 + (n + 1) % 47);
        return new OrganizationProfile(kind[0] + tag, kind[1] + tag, LegalForm.NPO_CORPORATION, corporateNumber,
                BodyType.NPO_SUPPORT, n % 29 == 0, n % 29 == 0 ? Set.of() : Set.of(prefecture, neighbour),
                java.util.EnumSet.of(FIELDS[(int) (n % FIELDS.length)], FieldOfActivity.PLACE_TO_BELONG),
                Set.of(GROUPS[(int) (n % GROUPS.length)]), Set.of(ConsultationCapability.LOCAL_SUPPORT),
                "https://org-" + n + ".example.jp", DESCRIPTION, true);
    }

    static ContactDetails contact(long n) {
        return new ContactDetails("担当 花子" + tag(n), "contact" + n + "@org.example.jp",
                "03-5555-" + String.format("%04d", n % 10_000), "事務局");
    }

    static SubmitMembershipApplication application(long n) {
        return new SubmitMembershipApplication(OrganizationId.random(), profile(n), MemberCategory.REGULAR, contact(n),
                "2022-02", sha256(UUID.randomUUID().toString()));
    }

    /** A profile update that always changes something: the public description, with a counter. */
    static UpdateOrganizationProfile descriptionUpdate(String organizationId, long counter) {
        return new UpdateOrganizationProfile(new OrganizationId(organizationId), null,
                new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null,
                        description(counter), null, null));
    }

    static String description(long counter) {
        return DESCRIPTION + "（更新 " + counter + "）";
    }

    static CommandMessage<?> message(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metaData());
    }

    static MetaData metaData() {
        return AuditMetadata.of(PRINCIPAL, "bench-" + UUID.randomUUID());
    }

    /** A katakana tag unique per number (base 8 over eight words), so names stay unique after normalization. */
    static String tag(long n) {
        StringBuilder tag = new StringBuilder();
        long rest = n;
        do {
            tag.append(TAGS[(int) (rest % TAGS.length)]);
            rest /= TAGS.length;
        } while (rest > 0);
        return tag.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
