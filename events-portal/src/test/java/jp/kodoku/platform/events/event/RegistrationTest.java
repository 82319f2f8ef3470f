package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static jp.kodoku.platform.events.event.EventScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.*;

/** Registration: seats and their limit, the window, public registrants and their confirmation, cancellation, attendance. */
class RegistrationTest {

    private final EventScenario scenario = new EventScenario();

    @Test
    void a_member_takes_its_seats_while_they_are_free() {
        scenario.givenPublished()
                .when(register(1, 3))
                .expectEvents(confirmed(1, 3, 1));
    }

    @Test
    void seats_over_the_limit_per_registration_are_refused() {
        scenario.givenPublished()
                .when(register(1, 4))
                .expectException(invalidInput("seats"))
                .expectNoEvents();
    }

    @Test
    void a_registration_takes_at_least_one_seat() {
        scenario.givenPublished()
                .when(register(1, 0))
                .expectException(invalidInput("seats"))
                .expectNoEvents();
    }

    @Test
    void nobody_registers_before_the_window_opens() {
        new EventScenario(LocalDateTime.of(2026, 5, 1, 8, 59).atZone(Schedule.JAPAN).toInstant()).givenPublished()
                .when(register(1, 1))
                .expectException(RegistrationWindowClosed.class)
                .expectNoEvents();
    }

    @Test
    void nobody_registers_after_the_window_closes() {
        new EventScenario(LocalDateTime.of(2026, 6, 19, 17, 0).atZone(Schedule.JAPAN).toInstant()).givenPublished()
                .when(register(1, 1))
                .expectException(RegistrationWindowClosed.class)
                .expectNoEvents();
    }

    @Test
    void a_draft_takes_no_registrations() {
        scenario.given(scheduled())
                .when(register(1, 1))
                .expectException(ruleViolation("only while the event is published"))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_event_takes_no_registrations() {
        scenario.givenPublished(new EventCancelled(WORKSHOP, "台風接近のため"))
                .when(register(1, 1))
                .expectException(ruleViolation("only while the event is published"))
                .expectNoEvents();
    }

    @Test
    void a_registration_id_is_used_once() {
        scenario.givenPublished(confirmed(1, 1, 1))
                .when(register(1, 1))
                .expectException(ruleViolation("exists already"))
                .expectNoEvents();
    }

    @Test
    void a_public_registration_holds_nothing_until_its_address_is_confirmed() {
        scenario.givenPublished(confirmed(1, 3, 1), confirmed(2, 3, 2), confirmed(3, 3, 3))
                .when(new RequestPublicRegistration(WORKSHOP, rid(4), "高橋 陽子", "yoko@example.jp", 2, "access-4",
                        "confirm-4", "plain-confirm-4"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(PublicRegistrationRequested.class, e -> e.registrationId().equals(rid(4))
                                && e.seats() == 2 && e.accessTokenHash().equals("access-4")
                                && e.confirmationTokenHash().equals("confirm-4")), andNoMore())));
    }

    @Test
    void a_public_registrants_name_and_address_are_sealed_with_the_registrations_key() {
        scenario.givenPublished()
                .when(new RequestPublicRegistration(WORKSHOP, rid(4), "高橋 陽子", "yoko@example.jp", 1, "access-4",
                        "confirm-4", "plain-confirm-4"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(PublicRegistrationRequested.class, e -> e.registrant().name().subject().equals("r-4")
                                && scenario.vault.unseal(e.registrant().name()).orElseThrow().equals("高橋 陽子")
                                && scenario.vault.unseal(e.registrant().email()).orElseThrow().equals("yoko@example.jp")
                                && scenario.vault.unseal(e.confirmationToken()).orElseThrow().equals("plain-confirm-4")),
                        andNoMore())));
    }

    @Test
    void a_members_only_event_takes_no_registrations_from_the_public() {
        scenario.given(new EventScheduled(WORKSHOP, with(workshop(), EventKind.WORKSHOP, Visibility.MEMBERS_ONLY)),
                        published())
                .when(new RequestPublicRegistration(WORKSHOP, rid(4), "高橋 陽子", "yoko@example.jp", 1, "access-4",
                        "confirm-4", "plain-confirm-4"))
                .expectException(ruleViolation("members only"))
                .expectNoEvents();
    }

    @Test
    void a_hostile_public_name_is_refused() {
        scenario.givenPublished()
                .when(new RequestPublicRegistration(WORKSHOP, rid(4), "<script>alert(1)</script>", "yoko@example.jp", 1,
                        "access-4", "confirm-4", "plain-confirm-4"))
                .expectException(invalidInput("name"))
                .expectNoEvents();
    }

    @Test
    void a_confirmed_address_takes_the_seats_in_the_order_of_confirmation() {
        PublicRegistrationRequested requested = new PublicRegistrationRequested(WORKSHOP, rid(4),
                new Registrant(null, null, new SealedValue("r-4", "bmFtZQ=="), new SealedValue("r-4", "ZW1haWw=")),
                2, "access-4", "confirm-4", new SealedValue("r-4", "dG9rZW4="));
        scenario.givenPublished(confirmed(1, 3, 1), requested)
                .when(new ConfirmPublicRegistration(WORKSHOP, "confirm-4"))
                .expectEvents(new RegistrationConfirmed(WORKSHOP, rid(4), requested.registrant(), 2, 2, "access-4"));
    }

    @Test
    void following_the_confirmation_link_twice_changes_nothing() {
        PublicRegistrationRequested requested = new PublicRegistrationRequested(WORKSHOP, rid(4),
                new Registrant(null, null, new SealedValue("r-4", "bmFtZQ=="), new SealedValue("r-4", "ZW1haWw=")),
                2, "access-4", "confirm-4", new SealedValue("r-4", "dG9rZW4="));
        scenario.givenPublished(requested,
                        new RegistrationConfirmed(WORKSHOP, rid(4), requested.registrant(), 2, 1, "access-4"))
                .when(new ConfirmPublicRegistration(WORKSHOP, "confirm-4"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_confirmation_link_finds_nothing() {
        scenario.givenPublished()
                .when(new ConfirmPublicRegistration(WORKSHOP, "no-such-link"))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_registrant_cancels_through_the_private_link() {
        scenario.givenPublished(new RegistrationConfirmed(WORKSHOP, rid(4),
                        new Registrant(null, null, new SealedValue("r-4", "bmFtZQ=="), null), 2, 1, "access-4"))
                .when(new CancelRegistrationByLink(WORKSHOP, "access-4"))
                .expectEvents(new RegistrationCancelled(WORKSHOP, rid(4), RegistrationStatus.CONFIRMED, 2));
    }

    @Test
    void a_member_cancels_its_own_registration_only() {
        scenario.givenPublished(confirmed(1, 2, 1))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), HIDAMARI))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_registration_is_cancelled_once() {
        scenario.givenPublished(confirmed(1, 2, 1), new RegistrationCancelled(WORKSHOP, rid(1), RegistrationStatus.CONFIRMED, 2))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), SAKURA))
                .expectException(ruleViolation("already CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void registrations_end_with_a_cancelled_event() {
        scenario.givenPublished(confirmed(1, 2, 1), new EventCancelled(WORKSHOP, "台風接近のため"))
                .when(new CancelMemberRegistration(WORKSHOP, rid(1), SAKURA))
                .expectException(ruleViolation("already EVENT_CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void attendance_is_recorded_after_the_event_finished() {
        scenario.givenPublished(confirmed(1, 3, 1), new EventFinished(WORKSHOP))
                .when(new RecordAttendance(WORKSHOP, rid(1), 2))
                .expectEvents(new AttendanceRecorded(WORKSHOP, rid(1), 2));
    }

    @Test
    void attendance_is_not_recorded_before_the_event_finished() {
        scenario.givenPublished(confirmed(1, 3, 1))
                .when(new RecordAttendance(WORKSHOP, rid(1), 2))
                .expectException(ruleViolation("finished"))
                .expectNoEvents();
    }

    @Test
    void more_seats_than_registered_cannot_attend() {
        scenario.givenPublished(confirmed(1, 3, 1), new EventFinished(WORKSHOP))
                .when(new RecordAttendance(WORKSHOP, rid(1), 4))
                .expectException(invalidInput("attendedSeats"))
                .expectNoEvents();
    }

    @Test
    void a_public_registrants_data_is_erased_with_its_key() {
        scenario.vault.seal(rid(4).value(), "高橋 陽子");
        scenario.givenPublished(new RegistrationConfirmed(WORKSHOP, rid(4),
                        new Registrant(null, null, new SealedValue("r-4", "bmFtZQ=="), null), 2, 1, "access-4"))
                .when(new EraseRegistrantPersonalData(WORKSHOP, rid(4), "本人からの請求"))
                .expectEvents(new RegistrantPersonalDataErased(WORKSHOP, rid(4), "本人からの請求"));
        assertThat(scenario.vault.isErased(rid(4).value())).isTrue();
        assertThat(scenario.vault.hasKey(rid(4).value())).isFalse();
    }

    private static <T> org.hamcrest.Matcher<Object> matches(Class<T> type, java.util.function.Predicate<T> test) {
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && test.test(type.cast(actual));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a " + type.getSimpleName() + " as expected");
            }
        };
    }
}
