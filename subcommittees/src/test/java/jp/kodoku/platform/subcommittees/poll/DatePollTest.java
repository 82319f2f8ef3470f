package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static jp.kodoku.platform.subcommittees.api.PollChoice.*;

/** The rules of a date poll (日程調整), one given/when/then each. "Now" is 2026-06-01 10:00 in Japan. */
class DatePollTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final Instant NOW = LocalDateTime.of(2026, 6, 1, 10, 0).atZone(JAPAN).toInstant();
    static final PollId POLL = new PollId("6f1d2c3b-4a59-4e68-9f70-8a9b0c1d2e3f");
    static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    static final LocalDateTime DEADLINE = LocalDateTime.of(2026, 6, 10, 17, 0);
    static final PollSlot JUNE_15_AFTERNOON = new PollSlot("slot-a", LocalDate.of(2026, 6, 15), LocalTime.of(14, 0), LocalTime.of(16, 0));
    static final PollSlot JUNE_17_MORNING = new PollSlot("slot-b", LocalDate.of(2026, 6, 17), LocalTime.of(10, 0), LocalTime.of(12, 0));
    static final PollSlot JUNE_19_ALL_DAY = new PollSlot("slot-c", LocalDate.of(2026, 6, 19), null, null);
    static final OrganizationId LIFELINK = new OrganizationId("91fb12fb-5f93-324f-bd0f-cb0532be4ed7");
    static final OrganizationId INOCHI = new OrganizationId("2c0e6d1a-8b7f-4e21-9d3c-5a4b6f7e8d90");

    private FixtureConfiguration<DatePoll> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(DatePoll.class);
        fixture.registerAnnotatedCommandHandler(new DatePollCommandHandler(fixture.getRepository(),
                Clock.fixed(NOW, JAPAN)));
    }

    static DatePollOpened opened() {
        return new DatePollOpened(POLL, BUNKAKAI_3, "第5回 分科会3 日程調整", DEADLINE.atZone(JAPAN).toInstant(),
                List.of(JUNE_15_AFTERNOON, JUNE_17_MORNING, JUNE_19_ALL_DAY));
    }

    static DatePollAnswered lifelinkAnswered() {
        return new DatePollAnswered(POLL, LIFELINK, Map.of(
                "slot-a", new SlotAnswer(YES, null), "slot-b", new SlotAnswer(MAYBE, "午前は電話相談の当番"),
                "slot-c", new SlotAnswer(NO, null)));
    }

    @Nested
    class Opening {

        @Test
        void a_chair_opens_a_poll_with_slots_and_a_deadline_in_japan_time() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDatePoll(POLL, BUNKAKAI_3, "第5回 分科会3 日程調整", DEADLINE,
                           List.of(JUNE_15_AFTERNOON, JUNE_17_MORNING, JUNE_19_ALL_DAY)))
                   .expectEvents(opened());
        }

        @Test
        void a_slot_in_the_past_is_refused() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDatePoll(POLL, BUNKAKAI_3, "日程調整", DEADLINE,
                           List.of(new PollSlot("slot-a", LocalDate.of(2026, 5, 31), null, null))))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void a_slot_ends_after_it_starts() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDatePoll(POLL, BUNKAKAI_3, "日程調整", DEADLINE, List.of(
                           new PollSlot("slot-a", LocalDate.of(2026, 6, 15), LocalTime.of(16, 0), LocalTime.of(14, 0)))))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void the_deadline_is_in_the_future() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDatePoll(POLL, BUNKAKAI_3, "日程調整", LocalDateTime.of(2026, 6, 1, 9, 59),
                           List.of(JUNE_15_AFTERNOON)))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Answers {

        @Test
        void a_member_answers_each_slot_with_a_comment() {
            fixture.given(opened())
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, lifelinkAnswered().answers()))
                   .expectEvents(lifelinkAnswered());
        }

        @Test
        void a_member_may_change_its_answer_until_the_deadline() {
            Map<String, SlotAnswer> changed = Map.of("slot-a", new SlotAnswer(NO, "急用"));
            fixture.given(opened(), lifelinkAnswered())
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, changed))
                   .expectEvents(new DatePollAnswered(POLL, LIFELINK, changed));
        }

        @Test
        void no_answer_changes_after_the_deadline() {
            fixture.given(new DatePollOpened(POLL, BUNKAKAI_3, "日程調整", NOW.minusSeconds(1), List.of(JUNE_15_AFTERNOON)))
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, Map.of("slot-a", new SlotAnswer(YES, null))))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void an_answer_to_a_slot_the_poll_does_not_have_is_refused() {
            fixture.given(opened())
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, Map.of("slot-z", new SlotAnswer(YES, null))))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }

        @Test
        void every_answer_needs_a_choice() {
            java.util.Map<String, SlotAnswer> noChoice = new java.util.HashMap<>();
            noChoice.put("slot-a", new SlotAnswer(null, "未定"));
            fixture.given(opened())
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, noChoice))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class SlotEdits {

        @Test
        void a_chair_adds_a_slot() {
            PollSlot june22 = new PollSlot("slot-d", LocalDate.of(2026, 6, 22), LocalTime.of(13, 0), LocalTime.of(15, 0));
            fixture.given(opened(), lifelinkAnswered())
                   .when(new AddPollSlot(POLL, BUNKAKAI_3, null, june22))
                   .expectEvents(new PollSlotAdded(POLL, june22));
        }

        @Test
        void answers_survive_adding_a_slot() {
            PollSlot june22 = new PollSlot("slot-d", LocalDate.of(2026, 6, 22), LocalTime.of(13, 0), LocalTime.of(15, 0));
            fixture.given(opened(), lifelinkAnswered(), new PollSlotAdded(POLL, june22))
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, lifelinkAnswered().answers()))
                   // the answers are all still there: giving them again records nothing
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void removing_a_slot_keeps_the_answers_to_the_others() {
            fixture.given(opened(), lifelinkAnswered(), new PollSlotRemoved(POLL, "slot-b"))
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, Map.of("slot-a", new SlotAnswer(YES, null),
                           "slot-c", new SlotAnswer(NO, null))))
                   // the same answers as before minus the removed slot: nothing to record
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void moving_a_slot_voids_only_its_own_answers() {
            PollSlot moved = new PollSlot("slot-b", LocalDate.of(2026, 6, 18), LocalTime.of(10, 0), LocalTime.of(12, 0));
            fixture.given(opened(), lifelinkAnswered(), new PollSlotChanged(POLL, moved))
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, LIFELINK, Map.of("slot-a", new SlotAnswer(YES, null),
                           "slot-c", new SlotAnswer(NO, null))))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void two_slots_at_the_same_time_are_refused() {
            fixture.given(opened())
                   .when(new AddPollSlot(POLL, BUNKAKAI_3, null, new PollSlot("slot-d", JUNE_19_ALL_DAY.date(), null, null)))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_poll_keeps_at_least_one_slot() {
            fixture.given(new DatePollOpened(POLL, BUNKAKAI_3, "日程調整", DEADLINE.atZone(JAPAN).toInstant(), List.of(JUNE_15_AFTERNOON)))
                   .when(new RemovePollSlot(POLL, BUNKAKAI_3, null, "slot-a"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void a_poll_is_changed_only_through_its_own_subcommittee() {
            fixture.given(opened())
                   .when(new ConfirmPollSlot(POLL, SubcommitteeId.ofNumber(2), null, "slot-a"))
                   .expectException(jp.kodoku.platform.infra.errors.NotFound.class)
                   .expectNoEvents();
        }

        @Test
        void the_chair_confirms_one_slot() {
            fixture.given(opened(), lifelinkAnswered())
                   .when(new ConfirmPollSlot(POLL, BUNKAKAI_3, null, "slot-a"))
                   .expectEvents(new PollSlotConfirmed(POLL, BUNKAKAI_3, "第5回 分科会3 日程調整", JUNE_15_AFTERNOON));
        }

        @Test
        void a_confirmed_poll_takes_no_more_answers() {
            fixture.given(opened(), new PollSlotConfirmed(POLL, BUNKAKAI_3, "第5回 分科会3 日程調整", JUNE_15_AFTERNOON))
                   .when(new AnswerDatePoll(POLL, BUNKAKAI_3, INOCHI, Map.of("slot-a", new SlotAnswer(YES, null))))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void a_slot_the_poll_does_not_have_cannot_be_confirmed() {
            fixture.given(opened())
                   .when(new ConfirmPollSlot(POLL, BUNKAKAI_3, null, "slot-z"))
                   .expectException(SubcommitteeRuleViolation.class)
                   .expectNoEvents();
        }
    }
}
