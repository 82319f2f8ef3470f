package jp.kodoku.platform.demo;

import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.CorporateNumber;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.demo.DemoOrganizations.CategoryChange;
import jp.kodoku.platform.demo.DemoOrganizations.Outcome;
import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.demo.DemoOrganizations.ProfileUpdate;
import jp.kodoku.platform.demo.DemoOrganizations.Step;
import jp.kodoku.platform.demo.DemoOrganizations.Suspension;
import jp.kodoku.platform.demo.DemoOrganizations.Withdrawal;
import jp.kodoku.platform.membership.organization.ProfileRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrganizationsTest {

    private static final LocalDate REFERENCE = LocalDate.of(2022, 12, 1);
    private final List<PlannedOrganization> plan = DemoOrganizations.plan();

    @Test
    void as_of_2022_12_01_the_plan_has_the_published_figures() {
        Map<MemberCategory, Integer> counts = DemoOrganizations.countsAsOf(plan, REFERENCE);

        assertThat(counts).containsEntry(MemberCategory.REGULAR, DemoData.REGULAR_2022_12_01)
                          .containsEntry(MemberCategory.COOPERATING, DemoData.COOPERATING_2022_12_01)
                          .containsEntry(MemberCategory.SUPPORTING, DemoData.SUPPORTING_2022_12_01);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(371)
                                                                              .isEqualTo(DemoData.TOTAL_2022_12_01);
        assertThat(DemoOrganizations.REFERENCE_DATE).isEqualTo(REFERENCE);
    }

    @Test
    void the_figures_come_from_the_history_not_from_the_current_state() {
        // Later history exists, so counting today's state would not give 2022-12-01's figures.
        Map<MemberCategory, Integer> later = DemoOrganizations.countsAsOf(plan, LocalDate.of(2025, 12, 31));
        assertThat(later).isNotEqualTo(DemoOrganizations.countsAsOf(plan, REFERENCE));
        assertThat(DemoOrganizations.countsAsOf(plan, LocalDate.of(2022, 2, 15)).values()).containsOnly(0);

        // Before 2022-12-01: one member moved from 賛助会員 to 会員, one withdrew.
        assertThat(changesBetween(CategoryChange.class, LocalDate.of(2022, 2, 16), REFERENCE)).hasSize(1);
        assertThat(changesBetween(Withdrawal.class, LocalDate.of(2022, 2, 16), REFERENCE)).hasSize(1);
        PlannedOrganization movedUp = plan.stream()
                .filter(o -> o.changes().stream().anyMatch(c -> c instanceof CategoryChange && c.date().isBefore(REFERENCE)))
                .findFirst().orElseThrow();
        assertThat(movedUp.categoryOn(LocalDate.of(2022, 8, 31))).isEqualTo(MemberCategory.SUPPORTING);
        assertThat(movedUp.categoryOn(LocalDate.of(2022, 9, 1))).isEqualTo(MemberCategory.REGULAR);
        PlannedOrganization left = plan.stream()
                .filter(o -> o.changes().stream().anyMatch(c -> c instanceof Withdrawal && c.date().isBefore(REFERENCE)))
                .findFirst().orElseThrow();
        assertThat(left.categoryOn(LocalDate.of(2022, 10, 30))).isNotNull();
        assertThat(left.categoryOn(LocalDate.of(2022, 10, 31))).isNull();
    }

    @Test
    void history_after_2022_12_01_has_joinings_withdrawals_category_changes_suspensions_and_updates() {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 1);
        long joinedLater = plan.stream()
                .filter(o -> o.joinedOn() != null && !o.joinedOn().isBefore(from) && o.joinedOn().isBefore(to)).count();
        assertThat(joinedLater).isBetween(25L, 35L);
        assertThat(changesBetween(Withdrawal.class, from, to)).hasSizeBetween(6, 10);
        assertThat(changesBetween(CategoryChange.class, from, LocalDate.of(2025, 1, 1))).hasSizeBetween(4, 6);
        assertThat(changesBetween(Suspension.class, from, to)).hasSize(2);
        assertThat(changesBetween(ProfileUpdate.class, from, to)).hasSizeGreaterThanOrEqualTo(3);
        // Withdrawals after 2022-12-01 are of members that joined before it.
        plan.stream().filter(o -> o.changes().stream().anyMatch(c -> c instanceof Withdrawal && !c.date().isBefore(from)))
            .forEach(o -> assertThat(o.joinedOn()).isBefore(REFERENCE));

        Map<Outcome, Long> outcomes = plan.stream()
                .collect(Collectors.groupingBy(PlannedOrganization::outcome, Collectors.counting()));
        assertThat(outcomes).containsEntry(Outcome.LEFT_APPLIED, 4L)
                            .containsEntry(Outcome.SENT_BACK, 2L)
                            .containsEntry(Outcome.REJECTED, 1L);
        plan.stream().filter(o -> o.outcome() == Outcome.SENT_BACK || o.outcome() == Outcome.REJECTED)
            .forEach(o -> assertThat(o.decisionNote()).isNotBlank());
        plan.stream().filter(o -> o.outcome() != Outcome.APPROVED)
            .forEach(o -> assertThat(o.joinedOn()).isNull());
    }

    @Test
    void every_profile_and_contact_is_valid_also_after_its_updates() {
        for (PlannedOrganization organization : plan) {
            assertThat(ProfileRules.violations(organization.profile(), ""))
                    .as(organization.profile().name()).isEmpty();
            assertThat(ProfileRules.violations(ProfileRules.normalize(organization.profile()), ""))
                    .as(organization.profile().name()).isEmpty();
            assertThat(ProfileRules.violations(organization.primaryContact(), ""))
                    .as(organization.profile().name()).isEmpty();
            assertThat(organization.primaryContact().email()).endsWith("@example.jp");
            assertThat(organization.profile().website()).startsWith("https://").endsWith(".example.jp");
            assertThat(organization.profile().fieldsOfActivity()).hasSizeBetween(1, 3);
            assertThat(organization.profile().targetGroups()).hasSizeBetween(1, 3);
            assertThat(organization.profile().publicDescription()).isNotBlank();
            organization.changes().stream().filter(ProfileUpdate.class::isInstance).map(ProfileUpdate.class::cast)
                        .forEach(update -> {
                            var updated = update.patch().applyTo(organization.profile());
                            assertThat(updated).isNotEqualTo(organization.profile());
                            assertThat(ProfileRules.violations(updated, "")).isEmpty();
                        });
        }
        assertThat(plan.stream().filter(o -> !o.profile().consentToPublish()).count()).isBetween(1L, 30L);
    }

    @Test
    void names_are_unique_after_normalization() {
        Set<String> keys = new HashSet<>();
        for (PlannedOrganization organization : plan) {
            assertThat(keys.add(JapaneseText.nameKey(organization.profile().name())))
                    .as(organization.profile().name()).isTrue();
        }
    }

    @Test
    void corporate_numbers_are_unique_and_valid_and_only_a_nin_i_dantai_has_none() {
        Set<String> numbers = new HashSet<>();
        for (PlannedOrganization organization : plan) {
            String number = organization.profile().corporateNumber();
            if (organization.profile().legalForm() == LegalForm.UNINCORPORATED_ASSOCIATION) {
                assertThat(number).as(organization.profile().name()).isNull();
                continue;
            }
            assertThat(CorporateNumber.isValid(number)).as(organization.profile().name()).isTrue();
            assertThat(numbers.add(number)).as(number).isTrue();
            // Never the same base with another check digit either.
            assertThat(numbers.stream().filter(n -> n.substring(1).equals(number.substring(1)))).hasSize(1);
        }
        assertThat(plan.stream().filter(o -> o.profile().corporateNumber() == null).count()).isPositive();
    }

    @Test
    void the_lead_organizations_are_regular_nationwide_steering_members_since_joining_in_february_or_march_2022() {
        List<String> leads = List.of("あなたのいばしょ", "新公益連盟", "全国社会福祉協議会", "全国社会福祉法人経営者協議会",
                "日本NPOセンター", "生活困窮者自立支援全国ネットワーク", "自殺対策支援センターライフリンク", "日本いのちの電話連盟",
                "よりそいホットライン");
        Map<String, PlannedOrganization> byName = new HashMap<>();
        plan.forEach(o -> byName.put(o.profile().name(), o));
        for (String name : leads) {
            PlannedOrganization lead = byName.get(name);
            assertThat(lead).as(name).isNotNull();
            assertThat(lead.requestedCategory()).isEqualTo(MemberCategory.REGULAR);
            assertThat(lead.profile().nationwide()).isTrue();
            assertThat(lead.steeringTermStart()).isEqualTo(lead.joinedOn());
            assertThat(lead.joinedOn()).isBetween(LocalDate.of(2022, 2, 1), LocalDate.of(2022, 3, 31));
            assertThat(lead.categoryOn(REFERENCE)).isEqualTo(MemberCategory.REGULAR);
        }
        assertThat(byName.get("自殺対策支援センターライフリンク").profile().nameKana()).isEqualTo("ジサツタイサクシエンセンターライフリンク");
        assertThat(byName.get("全国社会福祉協議会").profile().nameKana()).isEqualTo("ゼンコクシャカイフクシキョウギカイ");
        assertThat(byName.get("全国社会福祉協議会").profile().legalForm()).isEqualTo(LegalForm.SOCIAL_WELFARE_CORPORATION);
        assertThat(plan.stream().filter(o -> o.steeringTermStart() != null).count()).isEqualTo(leads.size());
    }

    @Test
    void all_prefectures_and_designated_cities_are_cooperating_members_and_ministries_are_national_bodies() {
        List<PlannedOrganization> prefectures = ofBodyType(BodyType.PREFECTURE);
        assertThat(prefectures).hasSize(47);
        for (Prefecture prefecture : Prefecture.values()) {
            PlannedOrganization member = prefectures.stream()
                    .filter(o -> o.profile().name().equals(prefecture.label())).findFirst().orElseThrow();
            assertThat(member.profile().prefectureCodes()).containsExactly(prefecture.code());
            assertThat(member.profile().legalForm()).isEqualTo(LegalForm.LOCAL_GOVERNMENT);
            assertThat(member.categoryOn(REFERENCE)).isEqualTo(MemberCategory.COOPERATING);
        }
        assertThat(byName("東京都").profile().nameKana()).isEqualTo("トウキョウト");
        assertThat(byName("北海道").profile().nameKana()).isEqualTo("ホッカイドウ");
        assertThat(byName("大阪府").profile().nameKana()).isEqualTo("オオサカフ");
        assertThat(byName("鹿児島県").profile().nameKana()).isEqualTo("カゴシマケン");

        List<PlannedOrganization> cities = ofBodyType(BodyType.DESIGNATED_CITY);
        assertThat(cities).extracting(o -> o.profile().name()).containsExactlyInAnyOrder("札幌市", "仙台市", "さいたま市",
                "千葉市", "横浜市", "川崎市", "相模原市", "新潟市", "静岡市", "浜松市", "名古屋市", "京都市", "大阪市", "堺市",
                "神戸市", "岡山市", "広島市", "北九州市", "福岡市", "熊本市");
        cities.forEach(c -> assertThat(c.categoryOn(REFERENCE)).isEqualTo(MemberCategory.COOPERATING));

        List<PlannedOrganization> ministries = ofBodyType(BodyType.MINISTRY);
        assertThat(ministries).extracting(o -> o.profile().name())
                              .contains("厚生労働省", "文部科学省", "法務省", "内閣府");
        ministries.forEach(m -> assertThat(m.profile().legalForm()).isEqualTo(LegalForm.NATIONAL_GOVERNMENT_BODY));
        ministries.forEach(m -> assertThat(m.requestedCategory()).isEqualTo(MemberCategory.REGULAR));
    }

    @Test
    void the_timeline_can_be_replayed_without_breaking_a_rule_of_the_aggregate() {
        Map<Integer, OrganizationStatus> status = new HashMap<>();
        Map<Integer, MemberCategory> category = new HashMap<>();
        LocalDate previous = LocalDate.MIN;
        for (Step step : DemoOrganizations.timeline(plan)) {
            assertThat(step.date()).isAfterOrEqualTo(previous);
            previous = step.date();
            PlannedOrganization o = step.organization();
            int n = o.number();
            if (step.change() == null) {
                assertThat(status).doesNotContainKey(n);
                status.put(n, OrganizationStatus.ACTIVE);
                category.put(n, o.requestedCategory());
                if (o.steeringTermStart() != null) {
                    assertThat(o.requestedCategory()).isEqualTo(MemberCategory.REGULAR);
                    assertThat(o.steeringTermStart()).isAfterOrEqualTo(o.joinedOn());
                }
                continue;
            }
            assertThat(step.date()).isAfterOrEqualTo(o.joinedOn());
            if (step.change() instanceof CategoryChange c) {
                assertThat(status.get(n)).isEqualTo(OrganizationStatus.ACTIVE);
                assertThat(c.newCategory()).isNotEqualTo(category.get(n));
                assertThat(o.steeringTermStart()).as("a steering member stays 会員").isNull();
                category.put(n, c.newCategory());
            } else if (step.change() instanceof Withdrawal) {
                assertThat(status.get(n)).isIn(OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED);
                status.put(n, OrganizationStatus.WITHDRAWN);
            } else if (step.change() instanceof Suspension) {
                assertThat(status.get(n)).isEqualTo(OrganizationStatus.ACTIVE);
                status.put(n, OrganizationStatus.SUSPENDED);
            } else {
                assertThat(status.get(n)).isNotEqualTo(OrganizationStatus.WITHDRAWN);
            }
        }
        assertThat(status).hasSize((int) plan.stream().filter(o -> o.outcome() == Outcome.APPROVED).count());
        assertThat(DemoOrganizations.openOrRefused(plan)).hasSize(7);
    }

    @Test
    void the_plan_is_deterministic_and_small_enough_to_replay_quickly() {
        assertThat(DemoOrganizations.plan()).isEqualTo(plan);
        int commands = DemoOrganizations.timeline(plan).size()
                + (int) plan.stream().filter(o -> o.steeringTermStart() != null).count()
                + plan.size()
                + (int) plan.stream().filter(o -> o.outcome() == Outcome.SENT_BACK || o.outcome() == Outcome.REJECTED).count();
        assertThat(commands).isLessThan(1100);
        assertThat(plan.stream().filter(o -> o.joinedOn() != null))
                .allMatch(o -> !o.joinedOn().isBefore(DemoOrganizations.FIRST_JOINING));
        assertThat(plan.stream().filter(o -> o.joinedOn() != null && o.joinedOn().isBefore(REFERENCE)))
                .allMatch(o -> !o.joinedOn().isAfter(DemoOrganizations.LAST_JOINING_BEFORE_REFERENCE));
    }

    private List<PlannedOrganization> ofBodyType(BodyType bodyType) {
        return plan.stream().filter(o -> o.profile().bodyType() == bodyType).toList();
    }

    private PlannedOrganization byName(String name) {
        return plan.stream().filter(o -> o.profile().name().equals(name)).findFirst().orElseThrow();
    }

    private List<DemoOrganizations.PlannedChange> changesBetween(Class<? extends DemoOrganizations.PlannedChange> type,
                                                                 LocalDate from, LocalDate toExclusive) {
        Predicate<DemoOrganizations.PlannedChange> inRange =
                c -> type.isInstance(c) && !c.date().isBefore(from) && c.date().isBefore(toExclusive);
        return plan.stream().flatMap(o -> o.changes().stream()).filter(inRange).toList();
    }
}
