package jp.kodoku.platform.demo;

import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.demo.DemoOrganizations.Suspension;
import jp.kodoku.platform.demo.DemoOrganizations.Withdrawal;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.AppointChair;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSubcommitteesTest {

    private final Map<String, PlannedOrganization> organizations = DemoOrganizations.plan().stream()
            .collect(Collectors.toMap(o -> o.profile().name(), Function.identity()));

    @Test
    void the_lead_organizations_are_those_of_seed_004_and_two_lead_both_2_and_3() {
        Map<Integer, List<String>> leads = DemoSubcommittees.plan().stream()
                .collect(Collectors.toMap(DemoSubcommittees.Planned::number, DemoSubcommittees.Planned::leads));

        assertThat(leads.get(1)).containsExactly("あなたのいばしょ", "新公益連盟");
        assertThat(leads.get(2)).containsExactly("全国社会福祉協議会", "全国社会福祉法人経営者協議会", "日本NPOセンター",
                "生活困窮者自立支援全国ネットワーク");
        assertThat(leads.get(3)).containsExactly("自殺対策支援センターライフリンク", "日本いのちの電話連盟", "よりそいホットライン",
                "生活困窮者自立支援全国ネットワーク", "全国社会福祉協議会");
        assertThat(leads.get(2)).filteredOn(leads.get(3)::contains)
                                .containsExactlyInAnyOrder("全国社会福祉協議会", "生活困窮者自立支援全国ネットワーク");
    }

    @Test
    void every_lead_and_member_is_a_demo_member_active_today() {
        for (DemoSubcommittees.Planned planned : DemoSubcommittees.plan()) {
            for (String name : concat(planned.leads(), planned.members())) {
                PlannedOrganization organization = organizations.get(name);
                assertThat(organization).as(name).isNotNull();
                assertThat(organization.categoryOn(LocalDate.now())).as(name + " is a member today").isNotNull();
                assertThat(organization.changes()).as(name + " is neither suspended nor withdrawn")
                        .noneMatch(c -> c instanceof Suspension || c instanceof Withdrawal);
            }
        }
    }

    @Test
    void bunkakai3_chair_chairs_bunkakai_3_for_a_lead_organization_as_the_realm_says() {
        AppointChair third = DemoSubcommittees.commands().stream().filter(AppointChair.class::isInstance)
                                              .map(AppointChair.class::cast)
                                              .filter(c -> c.subcommitteeId().value().equals("bunkakai-3"))
                                              .findFirst().orElseThrow();
        assertThat(third.userId()).isEqualTo(DemoSubcommittees.CHAIR_3);
        // the realm gives this account organization_id 91fb12fb-…: ライフリンク, which leads 分科会3
        assertThat(DemoData.idOf("自殺対策支援センターライフリンク"))
                .isEqualTo(new OrganizationId("91fb12fb-5f93-324f-bd0f-cb0532be4ed7"));
    }

    @Test
    void every_demo_chair_is_a_realm_account_acting_for_a_lead_organization_of_its_subcommittee() throws Exception {
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("../infra/keycloak/platform-realm.json").toFile());
        for (DemoSubcommittees.Planned planned : DemoSubcommittees.plan()) {
            com.fasterxml.jackson.databind.JsonNode account = null;
            for (com.fasterxml.jackson.databind.JsonNode user : realm.get("users")) {
                if (planned.chair().equals(user.path("id").asText())) {
                    account = user;
                }
            }
            assertThat(account).as("realm account " + planned.chair()).isNotNull();
            String organization = account.get("attributes").get("organization_id").get(0).asText();
            assertThat(planned.leads().stream().map(DemoData::idOf).map(OrganizationId::value))
                    .as(account.get("username").asText()).contains(organization);
            assertThat(account.get("attributes").get("subcommittee_id").get(0).asText()).isEqualTo(planned.id().value());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void the_deliverables_are_those_of_seed_004_each_after_the_meetings_that_produced_it() {
        assertThat(DemoSubcommittees.deliverables()).extracting(d -> d.subcommittee() + " " + d.kind().japanese() + " " + d.date())
                .containsExactly("1 検討成果 2022-10-07", "2 中間整理 2022-11-09", "3 中間整理 2023-03-16");
        for (DemoSubcommittees.PlannedDeliverable deliverable : DemoSubcommittees.deliverables()) {
            assertThat(DemoSubcommittees.pastMeetings()).filteredOn(m -> m.subcommittee() == deliverable.subcommittee()
                                                                        && deliverable.meetings().contains(m.number()))
                    .hasSize(deliverable.meetings().size())
                    .allSatisfy(m -> assertThat(m.date()).isBefore(deliverable.date()));
        }
    }

    @Test
    void every_past_meeting_is_attended_only_by_its_subcommittees_organizations() {
        for (DemoSubcommittees.PastMeeting meeting : DemoSubcommittees.pastMeetings()) {
            DemoSubcommittees.Planned planned = DemoSubcommittees.plan().get(meeting.subcommittee() - 1);
            assertThat(meeting.attended()).isNotEmpty().allSatisfy(name ->
                    assertThat(concat(planned.leads(), planned.members())).contains(name));
        }
    }
}
