package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

/** The rules of scheduling a meeting, one given/when/then each. */
class MeetingTest {

    static final PollId POLL = new PollId("6f1d2c3b-4a59-4e68-9f70-8a9b0c1d2e3f");
    static final MeetingId MEETING = MeetingId.fromPoll(POLL);
    static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    static final LocalDate JUNE_15 = LocalDate.of(2026, 6, 15);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerAnnotatedCommandHandler(new MeetingCommandHandler(fixture.getRepository()));
    }

    @Test
    void a_confirmed_slot_schedules_the_meeting_at_its_date_and_times() {
        fixture.givenNoPriorActivity()
               .when(new ScheduleMeeting(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, LocalTime.of(14, 0),
                       LocalTime.of(16, 0), POLL))
               .expectEvents(new MeetingScheduled(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, LocalTime.of(14, 0),
                       LocalTime.of(16, 0), POLL));
    }

    @Test
    void a_meeting_is_scheduled_once() {
        fixture.given(new MeetingScheduled(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, null, null, POLL))
               .when(new ScheduleMeeting(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, null, null, POLL))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_meeting_ends_after_it_starts() {
        fixture.givenNoPriorActivity()
               .when(new ScheduleMeeting(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, LocalTime.of(16, 0),
                       LocalTime.of(14, 0), POLL))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }
}
