package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static jp.kodoku.platform.subcommittees.meeting.MeetingTest.*;

/** Minutes (議事録) as revisions: saved, restored, finalized (then locked) and published. One given/when/then per rule. */
class MinutesTest {

    static final String DRAFT = "第5回 分科会3 議事録\n1. 開会\n2. 報告";
    static final String SECOND = "第5回 分科会3 議事録\n1. 開会\n2. 連携事例の報告\n3. 閉会";

    private FixtureConfiguration<Minutes> fixture;
    private InMemoryEventStorageEngine meetingEvents;

    @BeforeEach
    void fixture() {
        meetingEvents = new InMemoryEventStorageEngine();
        EventSourcingRepository<Meeting> meetings = EventSourcingRepository.builder(Meeting.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(meetingEvents).build()).build();
        fixture = new AggregateTestFixture<>(Minutes.class);
        fixture.registerAnnotatedCommandHandler(new MinutesCommandHandler(fixture.getRepository(), meetings));
    }

    private void meeting(Object... events) {
        for (int i = 0; i < events.length; i++) {
            meetingEvents.appendEvents(new GenericDomainEventMessage<>("Meeting", MEETING.value(), i, events[i]));
        }
    }

    @Test
    void the_first_save_starts_the_minutes_at_revision_1() {
        meeting(SCHEDULED);
        fixture.givenNoPriorActivity()
               .when(new SaveMinutes(MEETING, BUNKAKAI_3, null, DRAFT))
               .expectEvents(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null));
    }

    @Test
    void a_cancelled_meeting_has_no_minutes() {
        meeting(SCHEDULED, new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"));
        fixture.givenNoPriorActivity()
               .when(new SaveMinutes(MEETING, BUNKAKAI_3, null, DRAFT))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void minutes_of_another_subcommittees_meeting_are_not_found() {
        meeting(SCHEDULED);
        fixture.givenNoPriorActivity()
               .when(new SaveMinutes(MEETING, SubcommitteeId.ofNumber(2), null, DRAFT))
               .expectException(NotFound.class)
               .expectNoEvents();
    }

    @Test
    void every_save_is_a_new_revision_and_the_same_text_again_records_nothing() {
        meeting(SCHEDULED);
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null))
               .when(new SaveMinutes(MEETING, BUNKAKAI_3, null, SECOND))
               .expectEvents(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 2, SECOND, null));
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null))
               .when(new SaveMinutes(MEETING, BUNKAKAI_3, null, DRAFT))
               .expectNoEvents();
    }

    @Test
    void restoring_an_earlier_revision_makes_its_text_the_newest_revision() {
        meeting(SCHEDULED);
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null),
                       new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 2, SECOND, null))
               .when(new RestoreMinutesRevision(MEETING, BUNKAKAI_3, null, 1))
               .expectEvents(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 3, DRAFT, 1));
    }

    @Test
    void a_revision_that_does_not_exist_is_not_restored() {
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null))
               .when(new RestoreMinutesRevision(MEETING, BUNKAKAI_3, null, 7))
               .expectException(NotFound.class)
               .expectNoEvents();
    }

    @Test
    void finalizing_locks_the_newest_revision() {
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null),
                       new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 2, SECOND, null))
               .when(new FinalizeMinutes(MEETING, BUNKAKAI_3, null))
               .expectEvents(new MinutesFinalized(MEETING, BUNKAKAI_3, 2));
    }

    @Test
    void a_finalized_minute_cannot_change() {
        meeting(SCHEDULED);
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null),
                       new MinutesFinalized(MEETING, BUNKAKAI_3, 1))
               .when(new SaveMinutes(MEETING, BUNKAKAI_3, null, SECOND))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_finalized_minute_is_not_restored_to_an_earlier_revision_either() {
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null),
                       new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 2, SECOND, null),
                       new MinutesFinalized(MEETING, BUNKAKAI_3, 2))
               .when(new RestoreMinutesRevision(MEETING, BUNKAKAI_3, null, 1))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void only_finalized_minutes_are_published() {
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null))
               .when(new PublishMinutes(MEETING, BUNKAKAI_3, null, Visibility.MEMBERS))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void finalized_minutes_are_published_to_the_members_then_to_the_public() {
        fixture.given(new MinutesRevisionSaved(MEETING, BUNKAKAI_3, 1, DRAFT, null),
                       new MinutesFinalized(MEETING, BUNKAKAI_3, 1),
                       new MinutesPublished(MEETING, BUNKAKAI_3, Visibility.MEMBERS))
               .when(new PublishMinutes(MEETING, BUNKAKAI_3, null, Visibility.PUBLIC))
               .expectEvents(new MinutesPublished(MEETING, BUNKAKAI_3, Visibility.PUBLIC));
    }
}
