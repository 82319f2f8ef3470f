package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a subcommittee (分科会), one given/when/then each. */
class SubcommitteeTest {

    static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    static final String TITLE = "相談支援に係る実務的な相互連携の在り方";
    static final String THEME = "ワンストップの相談窓口等の一元的な相談支援体制や、地域で「相談」と「支援」をつなぐための連携の在り方を検討。";
    static final OrganizationId LIFELINK = new OrganizationId("91fb12fb-5f93-324f-bd0f-cb0532be4ed7");
    static final OrganizationId INOCHI = new OrganizationId("2c0e6d1a-8b7f-4e21-9d3c-5a4b6f7e8d90");
    static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    /** Suspended: not an active member of the platform. */
    static final OrganizationId HIDAMARI = new OrganizationId("8d2e61b0-7c4f-4f7a-8f1e-0a9c3d5b6e02");
    static final String CHAIR = "5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61";

    private FixtureConfiguration<Subcommittee> fixture;
    private InMemoryChairAccounts accounts;
    private final Set<OrganizationId> active = new java.util.HashSet<>(Set.of(LIFELINK, INOCHI, SAKURA));

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Subcommittee.class);
        accounts = new InMemoryChairAccounts().with(CHAIR, LIFELINK.value(), null);
        fixture.registerInjectableResource(accounts);
        fixture.registerAnnotatedCommandHandler(new SubcommitteeCommandHandler(fixture.getRepository(),
                active::contains));
    }

    static SubcommitteeCreated created() {
        return new SubcommitteeCreated(BUNKAKAI_3, 3, TITLE, THEME, List.of(LIFELINK, INOCHI));
    }

    static Object[] set_up() {
        return new Object[]{created(), new SubcommitteeMemberJoined(BUNKAKAI_3, LIFELINK, JoinRoute.LEAD_ORGANIZATION),
                new SubcommitteeMemberJoined(BUNKAKAI_3, INOCHI, JoinRoute.LEAD_ORGANIZATION)};
    }

    static Object[] with(Object... more) {
        Object[] base = set_up();
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Nested
    class Creation {

        @Test
        void the_secretariat_sets_up_a_subcommittee_whose_lead_organizations_take_part_in_it() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSubcommittee(BUNKAKAI_3, 3, TITLE, THEME, List.of(LIFELINK, INOCHI)))
                   .expectEvents(set_up())
                   .expectResultMessagePayload(2L);
        }

        @Test
        void a_number_is_never_used_twice() {
            fixture.given(set_up())
                   .when(new CreateSubcommittee(BUNKAKAI_3, 3, "別の分科会", null, List.of(SAKURA)))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void only_active_members_of_the_platform_lead() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSubcommittee(BUNKAKAI_3, 3, TITLE, THEME, List.of(LIFELINK, HIDAMARI)))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString(HIDAMARI.value()))
                   .expectNoEvents();
        }

        @Test
        void bad_input_names_every_bad_field_and_stores_nothing() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSubcommittee(SubcommitteeId.ofNumber(0), 0, " ", "あ".repeat(2001),
                           List.of(LIFELINK, LIFELINK)))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
            assertThat(fields(() -> SubcommitteeRules.checkCreation(0, " ", "あ".repeat(2001), List.of(LIFELINK, LIFELINK))))
                    .containsExactly("number", "title", "theme", "leadOrganizations");
        }

        @Test
        void a_subcommittee_has_at_least_one_lead_organization() {
            fixture.givenNoPriorActivity()
                   .when(new CreateSubcommittee(BUNKAKAI_3, 3, TITLE, THEME, List.of()))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class LeadOrganizations {

        @Test
        void a_new_lead_organization_joins_as_a_member() {
            fixture.given(set_up())
                   .when(new ChangeLeadOrganizations(BUNKAKAI_3, 2L, List.of(LIFELINK, INOCHI, SAKURA)))
                   .expectEvents(new LeadOrganizationsChanged(BUNKAKAI_3, List.of(LIFELINK, INOCHI, SAKURA)),
                           new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.LEAD_ORGANIZATION));
        }

        @Test
        void a_lead_organization_whose_staff_chairs_cannot_be_dropped_while_the_chair_serves() {
            fixture.given(with(new ChairAppointed(BUNKAKAI_3, CHAIR, LIFELINK)))
                   .when(new ChangeLeadOrganizations(BUNKAKAI_3, null, List.of(INOCHI)))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_stale_version_is_refused() {
            fixture.given(set_up())
                   .when(new ChangeLeadOrganizations(BUNKAKAI_3, 1L, List.of(LIFELINK)))
                   .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Members {

        @Test
        void the_secretariat_or_a_chair_adds_an_active_member() {
            fixture.given(set_up())
                   .when(new AddSubcommitteeMember(BUNKAKAI_3, null, SAKURA))
                   .expectEvents(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED));
        }

        @Test
        void only_active_members_of_the_platform_join() {
            fixture.given(set_up())
                   .when(new AddSubcommitteeMember(BUNKAKAI_3, null, HIDAMARI))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_member_joins_once() {
            fixture.given(with(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED)))
                   .when(new AddSubcommitteeMember(BUNKAKAI_3, null, SAKURA))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_member_admin_asks_to_join_and_a_chair_approves() {
            fixture.given(with(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, "居場所づくりの知見を共有したい")))
                   .when(new ApproveSubcommitteeMembershipRequest(BUNKAKAI_3, null, SAKURA))
                   .expectEvents(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.REQUEST_APPROVED));
        }

        @Test
        void a_request_is_recorded_with_its_note() {
            fixture.given(set_up())
                   .when(new RequestSubcommitteeMembership(BUNKAKAI_3, SAKURA, " 居場所づくりの知見を共有したい "))
                   .expectEvents(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, "居場所づくりの知見を共有したい"));
        }

        @Test
        void an_organization_asks_once_until_a_chair_decides() {
            fixture.given(with(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, null)))
                   .when(new RequestSubcommitteeMembership(BUNKAKAI_3, SAKURA, null))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_suspended_member_cannot_ask_to_join() {
            fixture.given(set_up())
                   .when(new RequestSubcommitteeMembership(BUNKAKAI_3, HIDAMARI, null))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_request_from_an_organization_suspended_since_cannot_be_approved() {
            active.remove(SAKURA);
            fixture.given(with(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, null)))
                   .when(new ApproveSubcommitteeMembershipRequest(BUNKAKAI_3, null, SAKURA))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_chair_declines_a_request_with_the_reason() {
            fixture.given(with(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, null)))
                   .when(new DeclineSubcommitteeMembershipRequest(BUNKAKAI_3, null, SAKURA, "今期は定員に達しています"))
                   .expectEvents(new SubcommitteeMembershipRequestDeclined(BUNKAKAI_3, SAKURA, "今期は定員に達しています"));
        }

        @Test
        void only_an_open_request_is_approved() {
            fixture.given(set_up())
                   .when(new ApproveSubcommitteeMembershipRequest(BUNKAKAI_3, null, SAKURA))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_member_is_removed_with_the_reason() {
            fixture.given(with(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED)))
                   .when(new RemoveSubcommitteeMember(BUNKAKAI_3, null, SAKURA, "本人の申出"))
                   .expectEvents(new SubcommitteeMemberLeft(BUNKAKAI_3, SAKURA, LeavingCause.REMOVED, "本人の申出"));
        }

        @Test
        void a_removal_needs_a_reason() {
            fixture.given(with(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED)))
                   .when(new RemoveSubcommitteeMember(BUNKAKAI_3, null, SAKURA, " "))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void a_lead_organization_stays_a_member_while_it_leads() {
            fixture.given(set_up())
                   .when(new RemoveSubcommitteeMember(BUNKAKAI_3, null, INOCHI, "本人の申出"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class MembershipOfThePlatform {

        @Test
        void a_withdrawn_member_leaves_its_subcommittees_with_the_reason() {
            fixture.given(with(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED)))
                   .when(new RecordMembershipEnded(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 活動終了"))
                   .expectEvents(new SubcommitteeMemberLeft(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 活動終了"));
        }

        @Test
        void a_suspended_lead_organization_leaves_and_leads_no_more() {
            fixture.given(set_up())
                   .andGivenCommands(new RecordMembershipEnded(BUNKAKAI_3, INOCHI, LeavingCause.MEMBERSHIP_SUSPENDED, "資格停止: 会費未納"))
                   .when(new RemoveSubcommitteeMember(BUNKAKAI_3, null, INOCHI, "確認"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectExceptionMessage("the organization is not a member of this subcommittee");
        }

        @Test
        void an_open_request_of_a_suspended_member_is_dropped() {
            fixture.given(with(new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, null)))
                   .when(new RecordMembershipEnded(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_SUSPENDED, "資格停止: 会費未納"))
                   .expectEvents(new SubcommitteeMembershipRequestDeclined(BUNKAKAI_3, SAKURA, "資格停止: 会費未納"));
        }

        @Test
        void nothing_happens_where_the_organization_is_no_member_so_it_is_safe_to_repeat() {
            fixture.given(with(new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.ADDED),
                           new SubcommitteeMemberLeft(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 活動終了")))
                   .when(new RecordMembershipEnded(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 活動終了"))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }

    @Nested
    class Chairs {

        @Test
        void the_secretariat_appoints_staff_of_a_lead_organization_and_the_account_gets_the_claim() {
            fixture.given(set_up())
                   .when(new AppointChair(BUNKAKAI_3, null, CHAIR))
                   .expectEvents(new ChairAppointed(BUNKAKAI_3, CHAIR, LIFELINK));
            assertThat(accounts.find(CHAIR).orElseThrow().subcommitteeId()).isEqualTo(BUNKAKAI_3.value());
        }

        @Test
        void a_chair_acts_for_a_lead_organization() {
            accounts.with("0a1b2c3d-0000-4000-8000-000000000009", SAKURA.value(), null);
            fixture.given(set_up())
                   .when(new AppointChair(BUNKAKAI_3, null, "0a1b2c3d-0000-4000-8000-000000000009"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_chair_runs_one_subcommittee() {
            accounts.with(CHAIR, LIFELINK.value(), "bunkakai-2");
            fixture.given(set_up())
                   .when(new AppointChair(BUNKAKAI_3, null, CHAIR))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
            assertThat(accounts.find(CHAIR).orElseThrow().subcommitteeId()).isEqualTo("bunkakai-2");
        }

        @Test
        void an_unknown_account_is_bad_input() {
            fixture.given(set_up())
                   .when(new AppointChair(BUNKAKAI_3, null, "0a1b2c3d-0000-4000-8000-00000000dead"))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void an_account_id_is_never_a_path() {
            fixture.given(set_up())
                   .when(new AppointChair(BUNKAKAI_3, null, "../../users"))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void the_term_ends_with_a_reason_and_the_account_loses_the_claim() {
            accounts.with(CHAIR, LIFELINK.value(), BUNKAKAI_3.value());
            fixture.given(with(new ChairAppointed(BUNKAKAI_3, CHAIR, LIFELINK)))
                   .when(new EndChairTerm(BUNKAKAI_3, null, CHAIR, "任期満了"))
                   .expectEvents(new ChairTermEnded(BUNKAKAI_3, CHAIR, "任期満了"));
            assertThat(accounts.find(CHAIR).orElseThrow().subcommitteeId()).isNull();
        }

        @Test
        void only_a_serving_chair_ends_a_term() {
            fixture.given(set_up())
                   .when(new EndChairTerm(BUNKAKAI_3, null, CHAIR, "任期満了"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void the_secretariat_closes_a_subcommittee_with_the_reason() {
            fixture.given(set_up())
                   .when(new CloseSubcommittee(BUNKAKAI_3, null, "検討を終えたため"))
                   .expectEvents(new SubcommitteeClosed(BUNKAKAI_3, "検討を終えたため"));
        }

        @Test
        void a_closed_subcommittee_changes_no_more() {
            fixture.given(with(new SubcommitteeClosed(BUNKAKAI_3, "検討を終えたため")))
                   .when(new AddSubcommitteeMember(BUNKAKAI_3, null, SAKURA))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectExceptionMessage("the subcommittee is closed")
                   .expectNoEvents();
        }

        @Test
        void a_closed_subcommittee_keeps_its_members_as_they_were() {
            fixture.given(with(new SubcommitteeClosed(BUNKAKAI_3, "検討を終えたため")))
                   .when(new RecordMembershipEnded(BUNKAKAI_3, INOCHI, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 解散"))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }

    private static List<String> fields(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (InvalidSubcommitteeInput e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
    }
}
