package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.*;
import org.junit.jupiter.api.Test;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderated profile changes: while the secretariat has moderation on, a member admin's change to the name, reading,
 * website or public description is a proposal, published only when the secretariat approves it.
 */
class MemberOrganizationModeratedProfileTest {

    private static final String NEW_NAME = "こども居場所ネットワークさくら東京";
    private static final String NEW_KANA = "コドモイバショネットワークサクラトウキョウ";
    private static final String NEW_WEBSITE = "https://tokyo.sakura-net.example.jp";
    private static final String FIRST = "p-0001";
    private static final String SECOND = "p-0002";

    private final MembershipScenario scenario = new MembershipScenario();
    private final Moderation moderation = new Moderation();

    /** The setting as the handler reads it; on unless a test turns it off. */
    private static final class Moderation implements ModeratedFields {
        Set<String> fields = Set.copyOf(ProfileModeration.FIELDS);

        @Override
        public Set<String> now() {
            return fields;
        }
    }

    /** The scenario's collaborators, with the setting as a handler resource (resources come before handlers). */
    private final FixtureConfiguration<MemberOrganization> fixture = fixtureWithModeration();

    private FixtureConfiguration<MemberOrganization> fixtureWithModeration() {
        FixtureConfiguration<MemberOrganization> withModeration = new AggregateTestFixture<>(MemberOrganization.class);
        withModeration.registerInjectableResource(moderation);
        withModeration.registerAnnotatedCommandHandler(new MembershipCommandHandler(withModeration.getRepository(),
                scenario.registry, scenario.memberNumbers, scenario.vault));
        return withModeration;
    }

    /** An active member (its keys in the registry) followed by {@code laterEvents}. */
    private TestExecutor<MemberOrganization> givenActive(Object... laterEvents) {
        scenario.registry.claim(SAKURA, sakura());
        List<Object> events = new ArrayList<>(scenario.history(OrganizationStatus.ACTIVE));
        events.addAll(Arrays.asList(laterEvents));
        return fixture.given(events);
    }

    // ---- proposals ------------------------------------------------------------------------------------------------

    @Test
    void with_moderation_on_a_member_admins_name_change_is_a_proposal_and_the_published_name_stays() {
        givenActive()
                .when(memberChange(named(NEW_NAME, NEW_KANA), FIRST))
                .expectEvents(nameProposed(FIRST, null))
                .expectResultMessagePayload(new ProfileChangeReceipt(2L, FIRST, List.of("name", "nameKana")))
                .expectState(organization -> assertThat(organization.profile()).isEqualTo(sakura()));
    }

    @Test
    void the_other_fields_of_the_same_change_take_effect_at_once() {
        ProfilePatch patch = new ProfilePatch(NEW_NAME, null, null, null, null, null, null, null,
                Set.of(TargetGroup.CHILDREN_AND_YOUTH), null, null, null, null, null);

        givenActive()
                .when(memberChange(patch, FIRST))
                .expectEventsMatching(exactly(
                        that(ProfileChangeProposed.class, "of the name only",
                                e -> e.changes().equals(List.of(new ProposedFieldChange("name", SAKURA_NAME, NEW_NAME)))),
                        that(OrganizationProfileUpdated.class, "of the target groups, the name unchanged",
                                e -> e.changedFields().equals(List.of("targetGroups"))
                                        && e.profile().name().equals(SAKURA_NAME))));
    }

    @Test
    void with_moderation_off_a_member_admins_change_takes_effect_at_once() {
        moderation.fields = Set.of();

        givenActive()
                .when(memberChange(patch(NEW_WEBSITE, null), FIRST))
                .expectEventsMatching(exactly(that(OrganizationProfileUpdated.class, "of the website",
                        e -> e.changedFields().equals(List.of("website")) && e.profile().website().equals(NEW_WEBSITE))))
                .expectResultMessagePayload(new ProfileChangeReceipt(2L, null, List.of()));
    }

    @Test
    void the_secretariats_own_change_is_never_a_proposal() {
        givenActive()
                .when(new UpdateOrganizationProfile(SAKURA, 1L, named(NEW_NAME, NEW_KANA)))
                .expectEventsMatching(exactly(that(OrganizationProfileUpdated.class, "of the name",
                        e -> e.profile().name().equals(NEW_NAME))));
    }

    @Test
    void a_proposal_claims_no_name_in_the_registry() {
        givenActive()
                .when(memberChange(named(NEW_NAME, NEW_KANA), FIRST))
                .expectSuccessfulHandlerExecution();

        assertThat(scenario.registry.holderOfName(NEW_NAME)).isEmpty();
        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).contains(SAKURA);
    }

    @Test
    void a_second_change_while_one_is_pending_replaces_it_and_keeps_what_the_first_asked_for() {
        givenActive(nameProposed(FIRST, null))
                .when(memberChange(patch(NEW_WEBSITE, null), SECOND))
                .expectEvents(
                        new ProfileChangeProposalClosed(SAKURA, FIRST, nameChanges(), ProfileProposalStatus.REPLACED),
                        new ProfileChangeProposed(SAKURA, SECOND, SAKURA_NAME, List.of(
                                new ProposedFieldChange("name", SAKURA_NAME, NEW_NAME),
                                new ProposedFieldChange("nameKana", SAKURA_KANA, NEW_KANA),
                                new ProposedFieldChange("website", sakura().website(), NEW_WEBSITE)), FIRST));
    }

    @Test
    void sending_the_pending_proposal_again_changes_nothing() {
        givenActive(nameProposed(FIRST, null))
                .when(memberChange(named(NEW_NAME, NEW_KANA), SECOND))
                .expectNoEvents()
                .expectResultMessagePayload(new ProfileChangeReceipt(2L, FIRST, List.of("name", "nameKana")));
    }

    @Test
    void setting_the_proposed_fields_back_withdraws_the_proposal() {
        givenActive(nameProposed(FIRST, null))
                .when(memberChange(named(SAKURA_NAME, SAKURA_KANA), SECOND))
                .expectEvents(new ProfileChangeProposalClosed(SAKURA, FIRST, nameChanges(),
                        ProfileProposalStatus.WITHDRAWN_BY_MEMBER))
                .expectResultMessagePayload(new ProfileChangeReceipt(3L, null, List.of()));
    }

    // ---- decisions ------------------------------------------------------------------------------------------------

    @Test
    void approval_publishes_the_proposal_and_claims_the_new_name() {
        givenActive(nameProposed(FIRST, null))
                .when(new ApproveProfileChange(SAKURA, 2L, FIRST, "確認しました"))
                .expectEventsMatching(exactly(
                        that(ProfileChangeApproved.class, "of the first proposal with its note",
                                e -> e.proposalId().equals(FIRST) && e.note().equals("確認しました")
                                        && e.changes().equals(nameChanges())),
                        that(OrganizationProfileUpdated.class, "publishing the new name and reading",
                                e -> e.profile().equals(sakuraNamed(NEW_NAME, NEW_KANA))
                                        && e.changedFields().equals(List.of("name", "nameKana")))))
                .expectResultMessagePayload(4L);

        assertThat(scenario.registry.holderOfName(NEW_NAME)).contains(SAKURA);
        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    @Test
    void approving_a_name_another_organization_holds_is_refused_and_the_proposal_stays_pending() {
        ProfileChangeProposed takenName = new ProfileChangeProposed(SAKURA, FIRST, SAKURA_NAME,
                List.of(new ProposedFieldChange("name", SAKURA_NAME, HIDAMARI_NAME)), null);

        givenActive(takenName)
                .when(new ApproveProfileChange(SAKURA, null, FIRST, null))
                .expectException(duplicateOf("name", HIDAMARI, HIDAMARI_NAME))
                .expectNoEvents();
    }

    @Test
    void a_rejection_records_its_reason_and_publishes_nothing() {
        givenActive(nameProposed(FIRST, null))
                .when(new RejectProfileChange(SAKURA, 2L, FIRST, "名称変更の届出を確認できません"))
                .expectEvents(new ProfileChangeRejected(SAKURA, FIRST, nameChanges(), "名称変更の届出を確認できません"))
                .expectState(organization -> assertThat(organization.profile()).isEqualTo(sakura()));
    }

    @Test
    void a_rejection_needs_a_reason() {
        givenActive(nameProposed(FIRST, null))
                .when(new RejectProfileChange(SAKURA, null, FIRST, "  "))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @Test
    void only_the_pending_proposal_can_be_decided() {
        givenActive(nameProposed(FIRST, null),
                        new ProfileChangeProposalClosed(SAKURA, FIRST, nameChanges(), ProfileProposalStatus.REPLACED),
                        nameProposed(SECOND, FIRST))
                .when(new ApproveProfileChange(SAKURA, null, FIRST, null))
                .expectException(ruleViolation("proposal p-0001 is not pending"))
                .expectNoEvents();
    }

    // ---- what else happens while a proposal is pending --------------------------------------------------------------

    @Test
    void the_secretariat_editing_a_proposed_field_directly_supersedes_the_proposal() {
        givenActive(nameProposed(FIRST, null))
                .when(new UpdateOrganizationProfile(SAKURA, null, named("さくらネットワーク", "サクラネットワーク")))
                .expectEventsMatching(exactly(
                        that(ProfileChangeProposalClosed.class, "as superseded",
                                e -> e.outcome() == ProfileProposalStatus.SUPERSEDED && e.proposalId().equals(FIRST)),
                        that(OrganizationProfileUpdated.class, "of the name",
                                e -> e.profile().name().equals("さくらネットワーク"))));
    }

    @Test
    void the_secretariat_editing_another_field_leaves_the_proposal_pending() {
        givenActive(nameProposed(FIRST, null))
                .when(new UpdateOrganizationProfile(SAKURA, null, patch(null, "新しい説明文です。")))
                .expectEventsMatching(exactly(that(OrganizationProfileUpdated.class, "of the description",
                        e -> e.changedFields().equals(List.of("publicDescription")))))
                .expectState(organization -> assertThat(organization.profileAsProposed().name()).isEqualTo(NEW_NAME));
    }

    @Test
    void with_moderation_switched_off_the_pending_proposal_waits_for_its_decision() {
        moderation.fields = Set.of();

        givenActive(nameProposed(FIRST, null))
                .when(memberChange(patch(NEW_WEBSITE, null), SECOND))
                .expectEventsMatching(exactly(that(OrganizationProfileUpdated.class, "of the website alone",
                        e -> e.changedFields().equals(List.of("website")) && e.profile().name().equals(SAKURA_NAME))))
                .expectResultMessagePayload(new ProfileChangeReceipt(3L, FIRST, List.of("name", "nameKana")));
    }

    @Test
    void with_moderation_switched_off_a_member_admins_change_to_a_proposed_field_supersedes_the_proposal() {
        moderation.fields = Set.of();

        givenActive(nameProposed(FIRST, null))
                .when(memberChange(named("さくらネットワーク", "サクラネットワーク"), SECOND))
                .expectEventsMatching(exactly(
                        that(ProfileChangeProposalClosed.class, "as superseded",
                                e -> e.outcome() == ProfileProposalStatus.SUPERSEDED),
                        that(OrganizationProfileUpdated.class, "of the name",
                                e -> e.profile().name().equals("さくらネットワーク"))));
    }

    @Test
    void a_withdrawal_closes_the_pending_proposal() {
        givenActive(nameProposed(FIRST, null))
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため",
                        WITHDRAWN_ON))
                .expectEvents(new ProfileChangeProposalClosed(SAKURA, FIRST, nameChanges(),
                                ProfileProposalStatus.ORGANIZATION_WITHDRAWN),
                        new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", WITHDRAWN_ON));
    }

    @Test
    void a_proposal_is_checked_like_any_profile_change() {
        givenActive()
                .when(memberChange(new ProfilePatch(null, "さくら", null, null, null, null, null, null, null, null,
                        "sakura-net.example.jp", null, null, null), FIRST))
                .expectException(invalidInput("nameKana", "website"))
                .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static ChangeProfileAsMemberAdmin memberChange(ProfilePatch patch, String proposalId) {
        return new ChangeProfileAsMemberAdmin(SAKURA, null, patch, proposalId);
    }

    private static ProfilePatch named(String name, String kana) {
        return new ProfilePatch(name, kana, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static List<ProposedFieldChange> nameChanges() {
        return List.of(new ProposedFieldChange("name", SAKURA_NAME, NEW_NAME),
                new ProposedFieldChange("nameKana", SAKURA_KANA, NEW_KANA));
    }

    private static ProfileChangeProposed nameProposed(String proposalId, String replaces) {
        return new ProfileChangeProposed(SAKURA, proposalId, SAKURA_NAME, nameChanges(), replaces);
    }
}
