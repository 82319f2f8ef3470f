package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member-admin accounts as the organization records them: the primary contact's account, accounts disabled and
 * enabled with the membership, admins invited and removed. Accounts live in the identity provider, here an in-memory
 * stand-in; the organization records each outcome once, however often it is told.
 */
class MemberOrganizationAccountsTest {

    private static final String YAMADA_ACCOUNT = "kc-yamada";
    private static final String SATO_EMAIL = "ken.sato@sakura-net.example.jp";
    private static final OrganizationId ELSEWHERE = new OrganizationId("0a1b2c3d-0000-4000-8000-00000000e15e");

    private final MembershipScenario scenario = new MembershipScenario();
    private final InMemoryMemberAccounts accounts = new InMemoryMemberAccounts();
    private final FixtureConfiguration<MemberOrganization> withAccounts = fixtureWithAccounts();

    // ---- the primary contact's account ------------------------------------------------------------------------------

    @Test
    void the_primary_contacts_account_is_recorded_on_the_organization() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new RecordMemberAdminAccount(SAKURA, YAMADA, YAMADA_ACCOUNT, true, true))
                .expectEvents(new MemberAdminAccountProvisioned(SAKURA, YAMADA, YAMADA_ACCOUNT, true, true))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_same_account_recorded_twice_is_recorded_once() {
        scenario.given(OrganizationStatus.ACTIVE, provisioned())
                .when(new RecordMemberAdminAccount(SAKURA, YAMADA, YAMADA_ACCOUNT, false, false))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_account_is_recorded_even_when_a_suspension_overtook_it() {
        scenario.given(OrganizationStatus.SUSPENDED)
                .when(new RecordMemberAdminAccount(SAKURA, YAMADA, YAMADA_ACCOUNT, true, true))
                .expectEvents(new MemberAdminAccountProvisioned(SAKURA, YAMADA, YAMADA_ACCOUNT, true, true));
    }

    @Test
    void why_the_primary_contact_has_no_account_is_recorded_once() {
        String reason = "the e-mail address has an account that acts for another organization";
        scenario.given(OrganizationStatus.ACTIVE, new MemberAdminAccountNotProvisioned(SAKURA, YAMADA, reason))
                .when(new RecordMemberAdminAccountNotProvisioned(SAKURA, YAMADA, reason))
                .expectNoEvents();
    }

    @Test
    void an_organization_without_an_account_for_its_primary_contact_says_why() {
        String reason = "the e-mail address has an account that acts for another organization";
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new RecordMemberAdminAccountNotProvisioned(SAKURA, YAMADA, reason))
                .expectEvents(new MemberAdminAccountNotProvisioned(SAKURA, YAMADA, reason));
    }

    // ---- accounts follow the membership -------------------------------------------------------------------------------

    @Test
    void disabling_the_accounts_after_a_suspension_is_recorded_with_their_number() {
        scenario.given(OrganizationStatus.SUSPENDED)
                .when(new RecordMemberAdminAccountsDisabled(SAKURA, 2, 3))
                .expectEvents(new MemberAdminAccountsDisabled(SAKURA, 2, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void disabling_for_the_same_suspension_twice_is_recorded_once() {
        scenario.given(OrganizationStatus.SUSPENDED, new MemberAdminAccountsDisabled(SAKURA, 2, 3))
                .when(new RecordMemberAdminAccountsDisabled(SAKURA, 2, 3))
                .expectNoEvents();
    }

    @Test
    void enabling_the_accounts_after_a_reinstatement_is_recorded() {
        scenario.given(OrganizationStatus.SUSPENDED, new MemberAdminAccountsDisabled(SAKURA, 2, 3),
                        new MemberReinstated(SAKURA, "調査終了"))
                .when(new RecordMemberAdminAccountsEnabled(SAKURA, 4, 3))
                .expectEvents(new MemberAdminAccountsEnabled(SAKURA, 4, 3));
    }

    @Test
    void a_change_called_for_by_an_older_event_never_follows_a_newer_one() {
        scenario.given(OrganizationStatus.SUSPENDED, new MemberAdminAccountsDisabled(SAKURA, 2, 3),
                        new MemberReinstated(SAKURA, "調査終了"), new MemberAdminAccountsEnabled(SAKURA, 4, 3))
                .when(new RecordMemberAdminAccountsDisabled(SAKURA, 2, 3))
                .expectNoEvents();
    }

    @Test
    void the_withdrawn_organizations_accounts_are_recorded_disabled() {
        scenario.given(OrganizationStatus.WITHDRAWN)
                .when(new RecordMemberAdminAccountsDisabled(SAKURA, 2, 1))
                .expectEvents(new MemberAdminAccountsDisabled(SAKURA, 2, 1));
    }

    // ---- invitations ----------------------------------------------------------------------------------------------

    @Test
    void an_active_member_invites_another_admin_who_gets_an_account_and_an_invitation() {
        givenWithAccounts(OrganizationStatus.ACTIVE)
                .when(new InviteMemberAdmin(SAKURA, 1L, " 佐藤 健 ", " " + SATO_EMAIL + " "))
                .expectEvents(new MemberAdminInvited(SAKURA, "kc-1", true, true))
                .expectResultMessagePayload(new MemberAdminInvitation("kc-1", true, true, 2L));

        assertThat(accounts.byEmail).containsOnlyKeys(SATO_EMAIL);
        assertThat(accounts.byEmail.get(SATO_EMAIL).organization()).isEqualTo(SAKURA.value());
        assertThat(accounts.byEmail.get(SATO_EMAIL).name()).isEqualTo("佐藤 健");
    }

    @Test
    void inviting_an_admin_twice_makes_one_account_and_records_it_once() {
        accounts.existing("kc-sato", SATO_EMAIL, SAKURA);

        givenWithAccounts(OrganizationStatus.ACTIVE, new MemberAdminInvited(SAKURA, "kc-sato", true, true))
                .when(new InviteMemberAdmin(SAKURA, null, "佐藤 健", SATO_EMAIL))
                .expectNoEvents()
                .expectResultMessagePayload(new MemberAdminInvitation("kc-sato", false, false, 2L));

        assertThat(accounts.byEmail).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES", "REJECTED", "SUSPENDED", "WITHDRAWN"})
    void only_an_active_member_invites_admins_and_no_account_is_made_otherwise(OrganizationStatus status) {
        givenWithAccounts(status)
                .when(new InviteMemberAdmin(SAKURA, null, "佐藤 健", SATO_EMAIL))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();

        assertThat(accounts.byEmail).isEmpty();
    }

    @Test
    void an_address_whose_account_acts_for_another_organization_cannot_be_invited() {
        accounts.existing("kc-other", SATO_EMAIL, ELSEWHERE);

        givenWithAccounts(OrganizationStatus.ACTIVE)
                .when(new InviteMemberAdmin(SAKURA, null, "佐藤 健", SATO_EMAIL))
                .expectException(ruleViolation("acts for another organization"))
                .expectNoEvents();

        assertThat(accounts.byEmail.get(SATO_EMAIL).organization()).isEqualTo(ELSEWHERE.value());
    }

    @Test
    void an_invitation_needs_a_name_and_an_email_address() {
        givenWithAccounts(OrganizationStatus.ACTIVE)
                .when(new InviteMemberAdmin(SAKURA, null, " ", "sato-at-sakura"))
                .expectException(invalidInput("name", "email"))
                .expectNoEvents();

        assertThat(accounts.byEmail).isEmpty();
    }

    // ---- removals -------------------------------------------------------------------------------------------------

    @Test
    void an_admin_is_removed_while_another_remains() {
        accounts.existing(YAMADA_ACCOUNT, YAMADA_DETAILS.email(), SAKURA);
        accounts.existing("kc-sato", SATO_EMAIL, SAKURA);

        givenWithAccounts(OrganizationStatus.ACTIVE, provisioned(), new MemberAdminInvited(SAKURA, "kc-sato", true, true))
                .when(new RemoveMemberAdmin(SAKURA, null, "kc-sato"))
                .expectEvents(new MemberAdminRemoved(SAKURA, "kc-sato"))
                .expectResultMessagePayload(4L);

        assertThat(accounts.byEmail).containsOnlyKeys(YAMADA_DETAILS.email());
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        accounts.existing(YAMADA_ACCOUNT, YAMADA_DETAILS.email(), SAKURA);

        givenWithAccounts(OrganizationStatus.ACTIVE, provisioned())
                .when(new RemoveMemberAdmin(SAKURA, null, YAMADA_ACCOUNT))
                .expectException(ruleViolation("the last admin"))
                .expectNoEvents();

        assertThat(accounts.byEmail).containsOnlyKeys(YAMADA_DETAILS.email());
    }

    @Test
    void an_account_that_is_no_admin_of_the_organization_cannot_be_removed_through_it() {
        accounts.existing(YAMADA_ACCOUNT, YAMADA_DETAILS.email(), SAKURA);
        accounts.existing("kc-sato", SATO_EMAIL, SAKURA);
        accounts.existing("kc-other", "someone@elsewhere.example.jp", ELSEWHERE);

        givenWithAccounts(OrganizationStatus.ACTIVE, provisioned())
                .when(new RemoveMemberAdmin(SAKURA, null, "kc-other"))
                .expectException(ruleViolation("is not an admin of this organization"))
                .expectNoEvents();

        assertThat(accounts.byEmail).hasSize(3);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static MemberAdminAccountProvisioned provisioned() {
        return new MemberAdminAccountProvisioned(SAKURA, YAMADA, YAMADA_ACCOUNT, true, true);
    }

    /**
     * The scenario's fixture registers its handler before a test could offer the accounts, so invitations and
     * removals get a fixture of their own, on the scenario's collaborators and test data.
     */
    private FixtureConfiguration<MemberOrganization> fixtureWithAccounts() {
        FixtureConfiguration<MemberOrganization> fixture = new AggregateTestFixture<>(MemberOrganization.class);
        fixture.registerInjectableResource(accounts);
        fixture.registerAnnotatedCommandHandler(new MembershipCommandHandler(fixture.getRepository(), scenario.registry,
                scenario.memberNumbers, scenario.vault));
        return fixture;
    }

    private TestExecutor<MemberOrganization> givenWithAccounts(OrganizationStatus status, Object... laterEvents) {
        List<Object> events = new ArrayList<>(scenario.history(status));
        events.addAll(Arrays.asList(laterEvents));
        return withAccounts.given(events);
    }

    /** The identity provider as the platform sees it: accounts by address, each acting for one organization. */
    static final class InMemoryMemberAccounts implements MemberAccounts {

        record Stored(String id, String email, String name, String organization) {
        }

        final Map<String, Stored> byEmail = new LinkedHashMap<>();
        private int made;

        void existing(String id, String email, OrganizationId organization) {
            byEmail.put(email, new Stored(id, email, null, organization.value()));
        }

        @Override
        public Provisioning provision(String organizationId, String name, String email) {
            Stored found = byEmail.get(email);
            if (found != null) {
                return found.organization().equals(organizationId)
                        ? new Provisioning(Status.REUSED, found.id(), false, null)
                        : new Provisioning(Status.BELONGS_TO_ANOTHER_ORGANIZATION, null, false, "another organization");
            }
            String id = "kc-" + (++made);
            byEmail.put(email, new Stored(id, email, name, organizationId));
            return new Provisioning(Status.CREATED, id, true, null);
        }

        @Override
        public int disableAll(String organizationId) {
            return admins(organizationId).size();
        }

        @Override
        public int enableAll(String organizationId) {
            return admins(organizationId).size();
        }

        @Override
        public List<Account> admins(String organizationId) {
            return byEmail.values().stream().filter(a -> a.organization().equals(organizationId))
                          .map(a -> new Account(a.id(), a.email(), a.email(), true, List.of())).toList();
        }

        @Override
        public void delete(String userId) {
            byEmail.values().removeIf(a -> a.id().equals(userId));
        }

        @Override
        public void remove(String organizationId, String userId) {
            byEmail.values().removeIf(a -> a.id().equals(userId) && a.organization().equals(organizationId));
        }
    }
}
