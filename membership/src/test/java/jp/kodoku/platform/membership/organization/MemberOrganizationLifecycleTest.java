package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.*;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.stream.Stream;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A member from approval to withdrawal: category, 幹事団体, suspension, 退会, and optimistic locking. */
class MemberOrganizationLifecycleTest {

    private static final LocalDate APRIL_2023 = LocalDate.of(2023, 4, 1);

    private final MembershipScenario scenario = new MembershipScenario();

    // ---- category -----------------------------------------------------------------------------------------------

    @Test
    void an_active_member_can_move_to_another_category() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ChangeMemberCategory(SAKURA, 1L, MemberCategory.SUPPORTING, "助成事業の開始に伴う申出", APRIL_2023))
                .expectEvents(new MemberCategoryChanged(SAKURA, MemberCategory.REGULAR, MemberCategory.SUPPORTING,
                        "助成事業の開始に伴う申出", APRIL_2023))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "SUSPENDED", "WITHDRAWN"})
    void only_active_members_change_category(OrganizationStatus status) {
        scenario.given(status)
                .when(new ChangeMemberCategory(SAKURA, null, MemberCategory.COOPERATING, "申出", APRIL_2023))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_member_cannot_change_to_the_category_it_is_already_in() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ChangeMemberCategory(SAKURA, null, MemberCategory.REGULAR, "申出", APRIL_2023))
                .expectException(ruleViolation("already in category REGULAR"))
                .expectNoEvents();
    }

    @Test
    void a_category_change_cannot_take_effect_before_the_member_joined() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ChangeMemberCategory(SAKURA, null, MemberCategory.COOPERATING, "遡及", JOINED_ON.minusDays(1)))
                .expectException(invalidInput("effectiveDate"))
                .expectNoEvents();
    }

    @Test
    void a_category_change_may_take_effect_on_the_day_the_member_joined() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ChangeMemberCategory(SAKURA, null, MemberCategory.COOPERATING, "登録区分の訂正", JOINED_ON))
                .expectEvents(new MemberCategoryChanged(SAKURA, MemberCategory.REGULAR, MemberCategory.COOPERATING,
                        "登録区分の訂正", JOINED_ON));
    }

    @Test
    void a_steering_member_cannot_move_out_of_the_regular_category() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember())
                .when(new ChangeMemberCategory(SAKURA, null, MemberCategory.SUPPORTING, "申出", APRIL_2023))
                .expectException(ruleViolation("steering member (幹事団体) must be a regular member"))
                .expectNoEvents();
    }

    // ---- steering member (幹事団体) -----------------------------------------------------------------------------

    @Test
    void an_active_regular_member_can_be_appointed_steering_member() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, 1L, STEERING_TERM_START, STEERING_TERM_END))
                .expectEvents(new SteeringMemberAppointed(SAKURA, STEERING_TERM_START, STEERING_TERM_END));
    }

    @Test
    void a_steering_term_may_be_open_ended() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, null, STEERING_TERM_START, null))
                .expectEvents(new SteeringMemberAppointed(SAKURA, STEERING_TERM_START, null));
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "SUSPENDED", "WITHDRAWN"})
    void only_active_members_can_be_appointed_steering_member(OrganizationStatus status) {
        scenario.given(status)
                .when(new AppointSteeringMember(SAKURA, null, STEERING_TERM_START, STEERING_TERM_END))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = MemberCategory.class, names = {"COOPERATING", "SUPPORTING"})
    void steering_members_are_chosen_from_regular_members_only(MemberCategory category) {
        scenario.given(OrganizationStatus.ACTIVE, categoryChangedTo(category))
                .when(new AppointSteeringMember(SAKURA, null, STEERING_TERM_START, STEERING_TERM_END))
                .expectException(ruleViolation("chosen from regular members"))
                .expectNoEvents();
    }

    @Test
    void a_steering_member_cannot_be_appointed_twice() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember())
                .when(new AppointSteeringMember(SAKURA, null, LocalDate.of(2023, 6, 1), null))
                .expectException(ruleViolation("already serves a steering-member term"))
                .expectNoEvents();
    }

    @Test
    void a_steering_term_must_end_after_it_starts() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, null, STEERING_TERM_START, STEERING_TERM_START))
                .expectException(invalidInput("termEnd"))
                .expectNoEvents();
    }

    @Test
    void a_steering_term_cannot_start_before_the_member_joined() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, null, JOINED_ON.minusMonths(1), STEERING_TERM_END))
                .expectException(InvalidMembershipInput.class)
                .expectNoEvents();
    }

    @Test
    void a_serving_steering_member_can_end_the_term() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember())
                .when(new EndSteeringMemberTerm(SAKURA, 2L, STEERING_TERM_END, "任期満了"))
                .expectEvents(new SteeringMemberTermEnded(SAKURA, STEERING_TERM_END, "任期満了"));
    }

    @Test
    void only_a_serving_steering_member_can_end_a_term() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember(),
                        new SteeringMemberTermEnded(SAKURA, STEERING_TERM_END, "任期満了"))
                .when(new EndSteeringMemberTerm(SAKURA, null, STEERING_TERM_END, "任期満了"))
                .expectException(ruleViolation("serves no steering-member term"))
                .expectNoEvents();
    }

    @Test
    void a_steering_term_cannot_end_before_it_started() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember())
                .when(new EndSteeringMemberTerm(SAKURA, null, STEERING_TERM_START.minusDays(1), "誤登録"))
                .expectException(invalidInput("endedOn"))
                .expectNoEvents();
    }

    @Test
    void a_member_whose_term_ended_can_be_appointed_again() {
        LocalDate secondTerm = LocalDate.of(2024, 4, 1);
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember(),
                        new SteeringMemberTermEnded(SAKURA, STEERING_TERM_END, "任期満了"))
                .when(new AppointSteeringMember(SAKURA, null, secondTerm, LocalDate.of(2026, 3, 31)))
                .expectEvents(new SteeringMemberAppointed(SAKURA, secondTerm, LocalDate.of(2026, 3, 31)));
    }

    // ---- suspension ---------------------------------------------------------------------------------------------

    @Test
    void an_active_member_can_be_suspended() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new SuspendMember(SAKURA, 1L, "会則第8条に基づく調査のため"))
                .expectEvents(new MemberSuspended(SAKURA, "会則第8条に基づく調査のため"))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "SUSPENDED", "WITHDRAWN"})
    void only_active_members_can_be_suspended(OrganizationStatus status) {
        scenario.given(status)
                .when(new SuspendMember(SAKURA, null, "調査のため"))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_suspended_member_can_be_reinstated() {
        scenario.given(OrganizationStatus.SUSPENDED)
                .when(new ReinstateMember(SAKURA, 2L, "調査の結果、問題なしと判断"))
                .expectEvents(new MemberReinstated(SAKURA, "調査の結果、問題なしと判断"));
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "ACTIVE", "WITHDRAWN"})
    void only_suspended_members_can_be_reinstated(OrganizationStatus status) {
        scenario.given(status)
                .when(new ReinstateMember(SAKURA, null, "資格回復"))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    // ---- withdrawal (退会) --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"ACTIVE", "SUSPENDED"})
    void an_active_or_suspended_member_can_withdraw(OrganizationStatus status) {
        scenario.given(status)
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", WITHDRAWN_ON))
                .expectEvents(new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため",
                        WITHDRAWN_ON));
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "WITHDRAWN"})
    void only_members_can_withdraw(OrganizationStatus status) {
        scenario.given(status)
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.DECIDED_BY_PLATFORM, "除名", WITHDRAWN_ON))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void withdrawal_ends_a_steering_term() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember())
                .when(new RecordWithdrawal(SAKURA, 2L, WithdrawalKind.DECIDED_BY_PLATFORM, "総会の議決による除名",
                        LocalDate.of(2023, 9, 30)))
                .expectEvents(new SteeringMemberTermEnded(SAKURA, LocalDate.of(2023, 9, 30), "退会に伴う任期終了"),
                        new MemberWithdrawn(SAKURA, WithdrawalKind.DECIDED_BY_PLATFORM, "総会の議決による除名",
                                LocalDate.of(2023, 9, 30)))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_withdrawal_cannot_take_effect_before_the_member_joined() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "遡及", JOINED_ON.minusDays(1)))
                .expectException(invalidInput("effectiveDate"))
                .expectNoEvents();
    }

    @Test
    void withdrawal_frees_the_name_and_corporate_number_for_a_new_application() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", WITHDRAWN_ON))
                .expectSuccessfulHandlerExecution();

        assertThat(scenario.registry.holderOfCorporateNumber(SAKURA_CORPORATE_NUMBER)).isEmpty();
        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyChangeOfAMember")
    void nothing_changes_after_withdrawal(Object command) {
        scenario.given(OrganizationStatus.WITHDRAWN, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(command)
                .expectException(ruleViolation("the organization has withdrawn"))
                .expectNoEvents();
    }

    static Stream<Named<Object>> everyChangeOfAMember() {
        return Stream.of(
                Named.of("update profile", new UpdateOrganizationProfile(SAKURA, null,
                        patch("https://sakura.example.org", "活動を終了しました。"))),
                Named.of("add contact", new AddContact(SAKURA, null, new ContactId("c-suzuki"), SUZUKI_DETAILS)),
                Named.of("change contact", new ChangeContact(SAKURA, null, SATO, SUZUKI_DETAILS)),
                Named.of("remove contact", new RemoveContact(SAKURA, null, SATO)),
                Named.of("change primary contact", new ChangePrimaryContact(SAKURA, null, SATO)),
                Named.of("change category", new ChangeMemberCategory(SAKURA, null, MemberCategory.SUPPORTING, "申出",
                        APRIL_2023)),
                Named.of("appoint steering member", new AppointSteeringMember(SAKURA, null, APRIL_2023, null)),
                Named.of("end steering term", new EndSteeringMemberTerm(SAKURA, null, APRIL_2023, "任期満了")),
                Named.of("suspend", new SuspendMember(SAKURA, null, "調査のため")),
                Named.of("reinstate", new ReinstateMember(SAKURA, null, "資格回復")),
                Named.of("withdraw again", new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER,
                        "再度の退会届", WITHDRAWN_ON)),
                Named.of("approve", new ApproveMembershipApplication(SAKURA, null, APRIL_2023)));
    }

    @Test
    void personal_data_can_still_be_erased_after_withdrawal() {
        scenario.given(OrganizationStatus.WITHDRAWN)
                .when(new ErasePersonalData(SAKURA, YAMADA, "本人からの削除請求（個人情報保護法）"))
                .expectEvents(new ContactPersonalDataErased(SAKURA, YAMADA, "本人からの削除請求（個人情報保護法）"));

        assertThat(scenario.vault.isErased(YAMADA.value())).isTrue();
        assertThat(scenario.unseal(scenario.sealedYamada.email())).isNull();
    }

    // ---- versions (ETag / If-Match) -----------------------------------------------------------------------------

    @Test
    void a_command_answers_the_new_version_of_the_organization() {
        scenario.given(OrganizationStatus.ACTIVE, appointedSteeringMember(), categoryChangedTo(MemberCategory.REGULAR))
                .when(new SuspendMember(SAKURA, 3L, "調査のため"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesBasedOnVersionZero")
    void a_change_based_on_a_stale_version_is_refused(Object command) {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS),
                        new MemberCategoryChanged(SAKURA, MemberCategory.REGULAR, MemberCategory.COOPERATING, "申出",
                                APRIL_2023))
                .when(command)
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    static Stream<Named<Object>> changesBasedOnVersionZero() {
        return Stream.of(
                Named.of("suspend", new SuspendMember(SAKURA, 0L, "調査のため")),
                Named.of("change category", new ChangeMemberCategory(SAKURA, 0L, MemberCategory.SUPPORTING, "申出",
                        APRIL_2023)),
                Named.of("update profile", new UpdateOrganizationProfile(SAKURA, 0L,
                        patch("https://sakura.example.org", null))),
                Named.of("add contact", new AddContact(SAKURA, 0L, new ContactId("c-suzuki"), SUZUKI_DETAILS)),
                Named.of("change primary contact", new ChangePrimaryContact(SAKURA, 0L, SATO)),
                Named.of("withdraw", new RecordWithdrawal(SAKURA, 0L, WithdrawalKind.REQUESTED_BY_MEMBER, "退会届",
                        WITHDRAWN_ON)));
    }
}
