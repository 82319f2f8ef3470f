package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.membership.api.*;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;

/**
 * Behaviour of the main code that is wrong, pinned as it is today so that the fault is visible and reproducible.
 * Each test says what should happen instead; when a bug is fixed, its test fails: rewrite it to expect the correct
 * behaviour and move it to the test class of its feature.
 */
class MemberOrganizationKnownBugsTest {

    private final MembershipScenario scenario = new MembershipScenario();

    /**
     * MembershipCommandHandler.handle(ResubmitMembershipApplication), lines 82–83, seals the resubmitted primary
     * contact under the id of the current primary contact. When that person has had the data erased in the meantime,
     * the vault refuses (the subject is erased for good), so the applicant can never resubmit: the API answers 409
     * "personal-data-erased" and the applicant, who has only the private link, has no way out. Even if sealing
     * succeeded, the aggregate would still count the contact as erased (erasedContacts keeps the id).
     * Should: seal the new primary contact under a fresh ContactId when the current one is erased, and the
     * application should be resubmitted.
     */
    @Test
    void bug_an_application_whose_primary_contact_was_erased_can_never_be_resubmitted() {
        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .andGivenCommands(new ErasePersonalData(SAKURA, YAMADA, "本人からの削除請求"))
                .when(new ResubmitMembershipApplication(SAKURA, sakura(), MemberCategory.REGULAR, SUZUKI_DETAILS))
                .expectException(PersonalDataVault.SubjectErasedException.class)
                .expectNoEvents();
    }

    /**
     * MembershipCommandHandler.handle(SubmitMembershipApplication), line 43 (and handle(Resubmit...), line 70), calls
     * ProfileRules.normalize(command.profile()) before validating, and normalize dereferences the profile. An
     * application without a profile (the REST body's "profile" is optional, MembershipRequests.Application) ends in a
     * NullPointerException, i.e. a 500, although ProfileRules.violations was written to answer
     * "profile: is required". Should: InvalidMembershipInput naming "profile" (400), like a missing primaryContact.
     */
    @Test
    void bug_an_application_without_a_profile_fails_with_a_NullPointerException() {
        scenario.givenNoApplication()
                .when(new SubmitMembershipApplication(SAKURA, null, MemberCategory.REGULAR, YAMADA_DETAILS,
                        BYLAWS_VERSION, ACCESS_TOKEN_HASH))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    /**
     * MemberOrganization.handle(AppointSteeringMember), line 119, reuses requireNotBeforeJoining, which always names
     * the field "effectiveDate" (line 272). AppointSteeringMember and its REST body (MembershipRequests.SteeringTerm)
     * have no such field; the bad one is "termStart". Should: InvalidMembershipInput naming "termStart".
     */
    @Test
    void bug_a_steering_term_starting_before_joining_is_refused_naming_effectiveDate_instead_of_termStart() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, null, JOINED_ON.minusMonths(1), STEERING_TERM_END))
                .expectException(invalidInput("effectiveDate"))
                .expectNoEvents();
    }

    /**
     * MemberOrganization.withdraw, lines 158–160, ends a steering term on the withdrawal date without the check that
     * handle(EndSteeringMemberTerm) makes (line 133). A member appointed for a term that has not begun yet and that
     * withdraws before it begins gets a SteeringMemberTermEnded dated before the term's start — a record that
     * EndSteeringMemberTerm itself refuses to make. Should: end the term on the later of the withdrawal date and the
     * term start (or record it as cancelled), never before the start.
     */
    @Test
    void bug_withdrawal_before_a_future_steering_term_begins_ends_the_term_before_it_started() {
        LocalDate termStart = LocalDate.of(2024, 6, 1);
        LocalDate withdrawnOn = LocalDate.of(2024, 3, 31);

        scenario.given(OrganizationStatus.ACTIVE, new SteeringMemberAppointed(SAKURA, termStart, null))
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", withdrawnOn))
                .expectEvents(new SteeringMemberTermEnded(SAKURA, withdrawnOn, "退会に伴う任期終了"),
                        new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", withdrawnOn));
    }
}
