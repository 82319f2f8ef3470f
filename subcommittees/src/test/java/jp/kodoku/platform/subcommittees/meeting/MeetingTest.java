package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.*;
import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.infra.testsupport.InMemoryFileStorage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The rules of scheduling, rescheduling, cancelling a meeting and of its place, one given/when/then each. */
class MeetingTest {

    static final PollId POLL = new PollId("6f1d2c3b-4a59-4e68-9f70-8a9b0c1d2e3f");
    static final MeetingId MEETING = MeetingId.fromPoll(POLL);
    static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    static final LocalDate JUNE_15 = LocalDate.of(2026, 6, 15);
    static final LocalDate JUNE_22 = LocalDate.of(2026, 6, 22);
    static final LocalTime TWO_PM = LocalTime.of(14, 0);
    static final LocalTime FOUR_PM = LocalTime.of(16, 0);
    /** "Now" in these tests: 2026-06-01 09:00 in Japan. */
    static final Clock JUNE_1_9AM = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final MeetingScheduled SCHEDULED = new MeetingScheduled(MEETING, BUNKAKAI_3, "第5回 分科会3", JUNE_15, TWO_PM,
            FOUR_PM, POLL);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerAnnotatedCommandHandler(new MeetingCommandHandler(fixture.getRepository(), new Attachments(new InMemoryFileStorage()), JUNE_1_9AM));
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

    @Test
    void the_chair_moves_a_meeting_to_another_date_with_a_reason() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_22, LocalTime.of(10, 0), LocalTime.of(12, 0),
                       "会場の都合により"))
               .expectEvents(new MeetingRescheduled(MEETING, BUNKAKAI_3, JUNE_22, LocalTime.of(10, 0),
                       LocalTime.of(12, 0), "会場の都合により"));
    }

    @Test
    void a_reschedule_needs_a_reason() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_22, TWO_PM, FOUR_PM, "  "))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_meeting_is_not_moved_into_the_past() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, LocalDate.of(2026, 5, 31), TWO_PM, FOUR_PM, "前倒し"))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_meeting_is_not_moved_to_an_hour_already_past_today() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, LocalDate.of(2026, 6, 1), LocalTime.of(8, 0),
                       LocalTime.of(10, 0), "前倒し"))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_rescheduled_meeting_still_ends_after_it_starts() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_22, FOUR_PM, TWO_PM, "会場の都合により"))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void the_same_date_and_times_again_record_nothing() {
        fixture.given(SCHEDULED)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_15, TWO_PM, FOUR_PM, "再送"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void a_cancelled_meeting_cannot_be_rescheduled() {
        fixture.given(SCHEDULED, new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"))
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_22, TWO_PM, FOUR_PM, "改めて開催"))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_meeting_that_has_taken_place_is_neither_moved_nor_cancelled() {
        MeetingScheduled past = new MeetingScheduled(MEETING, BUNKAKAI_3, "第4回 分科会3", LocalDate.of(2026, 5, 20),
                TWO_PM, FOUR_PM, POLL);
        fixture.given(past)
               .when(new CancelMeeting(MEETING, BUNKAKAI_3, null, "取り消し"))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
        fixture.given(past)
               .when(new RescheduleMeeting(MEETING, BUNKAKAI_3, null, JUNE_22, TWO_PM, FOUR_PM, "やり直し"))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void the_chair_cancels_a_meeting_with_a_reason() {
        fixture.given(SCHEDULED)
               .when(new CancelMeeting(MEETING, BUNKAKAI_3, null, "台風の接近のため"))
               .expectEvents(new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"));
    }

    @Test
    void a_cancellation_needs_a_reason() {
        fixture.given(SCHEDULED)
               .when(new CancelMeeting(MEETING, BUNKAKAI_3, null, null))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void cancelling_a_cancelled_meeting_again_records_nothing() {
        fixture.given(SCHEDULED, new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"))
               .when(new CancelMeeting(MEETING, BUNKAKAI_3, null, "台風の接近のため"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void a_meeting_is_reached_only_through_its_own_subcommittee() {
        fixture.given(SCHEDULED)
               .when(new CancelMeeting(MEETING, SubcommitteeId.ofNumber(2), null, "別の分科会から"))
               .expectException(jp.kodoku.platform.infra.errors.NotFound.class)
               .expectNoEvents();
    }

    @Test
    void the_chair_sets_a_venue_and_an_online_url() {
        fixture.given(SCHEDULED)
               .when(new SetMeetingPlace(MEETING, BUNKAKAI_3, null, " 東京都千代田区霞が関1-2-2 会議室A ",
                       "https://meet.example.jp/bunkakai3-5"))
               .expectEvents(new MeetingPlaceSet(MEETING, BUNKAKAI_3, "東京都千代田区霞が関1-2-2 会議室A",
                       "https://meet.example.jp/bunkakai3-5"));
    }

    @Test
    void an_online_url_is_https_and_nothing_else() {
        for (String bad : new String[]{"javascript:alert(1)", "http://meet.example.jp/x", "https://", "ftp://x.example.jp",
                "https://user:pw@meet.example.jp/x", "https://meet.example.jp/a b"}) {
            fixture.given(SCHEDULED)
                   .when(new SetMeetingPlace(MEETING, BUNKAKAI_3, null, null, bad))
                   .expectException(InvalidSubcommitteeInput.class)
                   .expectNoEvents();
        }
    }

    @Test
    void a_place_is_a_venue_an_online_url_or_both() {
        fixture.given(SCHEDULED)
               .when(new SetMeetingPlace(MEETING, BUNKAKAI_3, null, " ", null))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_cancelled_meeting_gets_no_place() {
        fixture.given(SCHEDULED, new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"))
               .when(new SetMeetingPlace(MEETING, BUNKAKAI_3, null, "会議室A", null))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }
}
