package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.*;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;

/** Rules found missing by testing, each now protected by the test that first showed it broken. */
class MemberOrganizationEdgeCasesTest {

    private final MembershipScenario scenario = new MembershipScenario();

    /** An erased person is gone for good: the resubmitted primary contact becomes a new person. */
    @Test
    void an_application_whose_primary_contact_was_erased_can_still_be_resubmitted() {
        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .andGivenCommands(new ErasePersonalData(SAKURA, YAMADA, "本人からの削除請求"))
                .when(new ResubmitMembershipApplication(SAKURA, sakura(), MemberCategory.REGULAR, SUZUKI_DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactly(that(MembershipApplicationResubmitted.class,
                        "a resubmission whose primary contact is a new person",
                        e -> !e.primaryContact().contactId().equals(YAMADA))));
    }

    /** A missing profile is a bad request naming the field, not a crash. */
    @Test
    void an_application_without_a_profile_is_refused_naming_the_profile() {
        scenario.givenNoApplication()
                .when(new SubmitMembershipApplication(SAKURA, null, MemberCategory.REGULAR, YAMADA_DETAILS,
                        BYLAWS_VERSION, ACCESS_TOKEN_HASH))
                .expectException(invalidInput("profile"))
                .expectNoEvents();
    }

    /** The refusal names the field the client sent. */
    @Test
    void a_steering_term_starting_before_joining_is_refused_naming_termStart() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AppointSteeringMember(SAKURA, null, JOINED_ON.minusMonths(1), STEERING_TERM_END))
                .expectException(invalidInput("termStart"))
                .expectNoEvents();
    }

    /** Withdrawing before a steering term begins ends the term on its first day, never before it started. */
    @Test
    void withdrawal_before_a_future_steering_term_begins_ends_the_term_on_its_first_day() {
        LocalDate termStart = LocalDate.of(2024, 6, 1);
        LocalDate withdrawnOn = LocalDate.of(2024, 3, 31);

        scenario.given(OrganizationStatus.ACTIVE, new SteeringMemberAppointed(SAKURA, termStart, null))
                .when(new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", withdrawnOn))
                .expectEvents(new SteeringMemberTermEnded(SAKURA, termStart, "退会に伴う任期終了"),
                        new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", withdrawnOn));
    }
}
