package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kodoku.platform.events.event.EventScenario.*;

/**
 * The waitlist: a full event puts registrations on it in order; seats that become free go, in the same command, to
 * the waitlisted registrations in order that fit, passing over one that does not (ADR 0024); each promotion says why.
 * The workshop has 10 seats, at most 3 per registration.
 */
class WaitlistTest {

    private final EventScenario scenario = new EventScenario();

    /** 10 seats taken: 3 + 3 + 3 + 1. */
    private static Object[] full(Object... later) {
        List<Object> events = new java.util.ArrayList<>(List.of(confirmed(1, 3, 1), confirmed(2, 3, 2),
                confirmed(3, 3, 3), confirmed(4, 1, 4)));
        events.addAll(List.of(later));
        return events.toArray();
    }

    @Test
    void a_registration_for_a_full_event_joins_the_end_of_the_waitlist() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1)))
                .when(register(6, 1))
                .expectEvents(waitlisted(6, 1, 6, 2));
    }

    @Test
    void a_cancellation_promotes_the_first_waitlisted_in_the_same_command() {
        scenario.givenPublished(full(waitlisted(5, 3, 5, 1), waitlisted(6, 1, 6, 2)))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), SAKURA))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(1), RegistrationStatus.CONFIRMED, 3),
                        new PromotedFromWaitlist(WORKSHOP, rid(5), 3, PromotionCause.CANCELLATION, rid(1), 3));
    }

    @Test
    void an_entry_that_does_not_fit_does_not_block_a_later_one_that_does() {
        scenario.givenPublished(full(waitlisted(5, 3, 5, 1), waitlisted(6, 1, 6, 2), waitlisted(7, 1, 7, 3)))
                .when(new CancelMemberRegistration(WORKSHOP, rid(4), SAKURA))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(4), RegistrationStatus.CONFIRMED, 1),
                        new PromotedFromWaitlist(WORKSHOP, rid(6), 1, PromotionCause.CANCELLATION, rid(4), 1));
    }

    @Test
    void freed_seats_go_to_every_waitlisted_entry_that_fits_in_order() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1), waitlisted(6, 2, 6, 2), waitlisted(7, 1, 7, 3)))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), SAKURA))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(1), RegistrationStatus.CONFIRMED, 3),
                        new PromotedFromWaitlist(WORKSHOP, rid(5), 2, PromotionCause.CANCELLATION, rid(1), 3),
                        new PromotedFromWaitlist(WORKSHOP, rid(7), 1, PromotionCause.CANCELLATION, rid(1), 1));
    }

    @Test
    void a_new_registration_takes_seats_that_a_bigger_waitlisted_entry_cannot_use() {
        scenario.givenPublished(confirmed(1, 3, 1), confirmed(2, 3, 2), confirmed(3, 3, 3), waitlisted(5, 3, 4, 1))
                .when(register(6, 1))
                .expectEvents(confirmed(6, 1, 5));
    }

    @Test
    void leaving_the_waitlist_promotes_nobody() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1), waitlisted(6, 1, 6, 2)))
                .when(new CancelMemberRegistration(WORKSHOP, rid(5), SAKURA))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(5), RegistrationStatus.WAITLISTED, 2));
    }

    @Test
    void the_secretariats_removal_of_a_confirmed_registration_promotes() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1)))
                .when(new RemoveRegistration(WORKSHOP, rid(2), "重複登録のため"))
                .expectEvents(new RegistrationRemoved(WORKSHOP, rid(2), RegistrationStatus.CONFIRMED, 3, "重複登録のため"),
                        new PromotedFromWaitlist(WORKSHOP, rid(5), 2, PromotionCause.REMOVAL, rid(2), 3));
    }

    @Test
    void a_removal_needs_a_reason() {
        scenario.givenPublished(full())
                .when(new RemoveRegistration(WORKSHOP, rid(2), ""))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @Test
    void a_raised_capacity_promotes_in_the_same_command() {
        EventDetails twelve = workshop(settings(12));
        scenario.givenPublished(full(waitlisted(5, 3, 5, 1), waitlisted(6, 2, 6, 2)))
                .when(new ReviseEvent(WORKSHOP, null, twelve))
                .expectEvents(new EventRevised(WORKSHOP, twelve),
                        new PromotedFromWaitlist(WORKSHOP, rid(6), 2, PromotionCause.CAPACITY_RAISED, null, 2));
    }

    @Test
    void removing_the_limit_promotes_everyone_waiting() {
        EventDetails unlimited = workshop(settings(null));
        scenario.givenPublished(full(waitlisted(5, 3, 5, 1), waitlisted(6, 2, 6, 2)))
                .when(new ReviseEvent(WORKSHOP, null, unlimited))
                .expectEvents(new EventRevised(WORKSHOP, unlimited),
                        new PromotedFromWaitlist(WORKSHOP, rid(5), 3, PromotionCause.CAPACITY_RAISED, null, Integer.MAX_VALUE),
                        new PromotedFromWaitlist(WORKSHOP, rid(6), 2, PromotionCause.CAPACITY_RAISED, null, Integer.MAX_VALUE));
    }

    @Test
    void the_capacity_cannot_fall_below_the_seats_confirmed() {
        scenario.givenPublished(full())
                .when(new ReviseEvent(WORKSHOP, null, workshop(settings(9))))
                .expectException(ruleViolation("cannot be below the 10 seats"))
                .expectNoEvents();
    }

    @Test
    void the_secretariat_moves_a_waitlisted_entry_with_a_reason() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1), waitlisted(6, 1, 6, 2), waitlisted(7, 1, 7, 3)))
                .when(new MoveWaitlistEntry(WORKSHOP, rid(7), 1, "登壇者の同行者のため"))
                .expectEvents(new WaitlistEntryMoved(WORKSHOP, rid(7), 3, 1, "登壇者の同行者のため",
                        List.of(rid(7), rid(5), rid(6))));
    }

    @Test
    void a_move_needs_a_reason() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1), waitlisted(6, 1, 6, 2)))
                .when(new MoveWaitlistEntry(WORKSHOP, rid(6), 1, null))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @Test
    void a_move_stays_within_the_waitlist() {
        scenario.givenPublished(full(waitlisted(5, 2, 5, 1), waitlisted(6, 1, 6, 2)))
                .when(new MoveWaitlistEntry(WORKSHOP, rid(6), 3, "理由"))
                .expectException(invalidInput("position"))
                .expectNoEvents();
    }

    @Test
    void after_a_move_freed_seats_go_to_the_moved_entry() {
        scenario.givenPublished(full(waitlisted(5, 3, 5, 1), waitlisted(6, 3, 6, 2),
                        new WaitlistEntryMoved(WORKSHOP, rid(6), 2, 1, "理由", List.of(rid(6), rid(5)))))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), SAKURA))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(1), RegistrationStatus.CONFIRMED, 3),
                        new PromotedFromWaitlist(WORKSHOP, rid(6), 3, PromotionCause.CANCELLATION, rid(1), 3));
    }
}
