package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static jp.kodoku.platform.events.event.EventScenario.*;

/** An event by kind, from draft to finished: the editor's rules, symposium numbers, rescheduling, cancellation. */
class PortalEventTest {

    private final EventScenario scenario = new EventScenario();

    @Test
    void the_secretariat_schedules_an_event_as_a_draft() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, workshop()))
                .expectEvents(new EventScheduled(WORKSHOP, workshop()))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_general_assembly_is_for_members_whatever_the_editor_asks() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, with(workshop(), EventKind.GENERAL_ASSEMBLY, Visibility.PUBLIC)))
                .expectEvents(new EventScheduled(WORKSHOP, with(workshop(), EventKind.GENERAL_ASSEMBLY,
                        Visibility.MEMBERS_ONLY)));
    }

    @Test
    void an_event_cannot_end_before_it_starts() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, with(workshop(), new Schedule(LocalDate.of(2026, 6, 20), null,
                        LocalDate.of(2026, 6, 19), null))))
                .expectException(invalidInput("schedule.endDate"))
                .expectNoEvents();
    }

    @Test
    void an_event_of_one_day_cannot_end_before_its_start_time() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, with(workshop(), new Schedule(LocalDate.of(2026, 6, 20),
                        LocalTime.of(15, 0), LocalDate.of(2026, 6, 20), LocalTime.of(14, 0)))))
                .expectException(invalidInput("schedule.endTime"))
                .expectNoEvents();
    }

    @Test
    void a_multi_day_whole_day_event_is_scheduled_without_times() {
        EventDetails twoDays = with(workshop(), new Schedule(LocalDate.of(2026, 6, 20), null, LocalDate.of(2026, 6, 21), null));
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, twoDays))
                .expectEvents(new EventScheduled(WORKSHOP, twoDays));
    }

    @Test
    void a_training_course_needs_its_level() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, with(workshop(), EventKind.TRAINING_COURSE, Visibility.PUBLIC)))
                .expectException(invalidInput("courseLevel"))
                .expectNoEvents();
    }

    @Test
    void an_event_takes_place_somewhere_or_online() {
        EventDetails d = workshop();
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, new EventDetails(d.kind(), d.title(), d.description(), null, null,
                        true, d.organizerOrganizations(), d.schedule(), null, null, d.visibility(), d.registration())))
                .expectException(invalidInput("venue"))
                .expectNoEvents();
    }

    @Test
    void a_capacity_of_zero_is_refused() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, workshop(settings(0))))
                .expectException(invalidInput("registration.capacity"))
                .expectNoEvents();
    }

    @Test
    void a_negative_capacity_is_refused() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, workshop(settings(-5))))
                .expectException(invalidInput("registration.capacity"))
                .expectNoEvents();
    }

    @Test
    void a_campaign_takes_no_registrations_of_its_own() {
        scenario.givenNothing()
                .when(new ScheduleEvent(WORKSHOP, with(workshop(), EventKind.CAMPAIGN, Visibility.PUBLIC)))
                .expectException(invalidInput("registration"))
                .expectNoEvents();
    }

    @Test
    void a_symposium_takes_the_next_number_when_it_is_published() {
        EventDetails symposium = with(workshop(), EventKind.SYMPOSIUM, Visibility.PUBLIC);
        scenario.given(new EventScheduled(WORKSHOP, symposium))
                .when(new PublishEvent(WORKSHOP, 0L))
                .expectEvents(new EventPublished(WORKSHOP, 3));
    }

    @Test
    void a_workshop_is_published_without_a_number() {
        scenario.given(scheduled())
                .when(new PublishEvent(WORKSHOP, 0L))
                .expectEvents(new EventPublished(WORKSHOP, null));
    }

    @Test
    void an_event_is_published_once() {
        scenario.givenPublished()
                .when(new PublishEvent(WORKSHOP, null))
                .expectException(ruleViolation("only a draft can be published"))
                .expectNoEvents();
    }

    @Test
    void a_stale_version_is_refused() {
        scenario.givenPublished()
                .when(new CancelEvent(WORKSHOP, 0L, "講師の体調不良のため"))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_published_event_is_rescheduled_with_its_reason_and_both_times() {
        Schedule july = new Schedule(LocalDate.of(2026, 7, 4), LocalTime.of(13, 30), LocalDate.of(2026, 7, 4),
                LocalTime.of(16, 30));
        scenario.givenPublished()
                .when(new RescheduleEvent(WORKSHOP, null, july, "会場の都合により延期します"))
                .expectEvents(new EventRescheduled(WORKSHOP, JUNE_20, july, "会場の都合により延期します"));
    }

    @Test
    void a_rescheduling_needs_a_reason() {
        Schedule july = new Schedule(LocalDate.of(2026, 7, 4), null, LocalDate.of(2026, 7, 4), null);
        scenario.givenPublished()
                .when(new RescheduleEvent(WORKSHOP, null, july, " "))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @Test
    void an_announced_event_changes_its_time_only_by_rescheduling() {
        Schedule july = new Schedule(LocalDate.of(2026, 7, 4), null, LocalDate.of(2026, 7, 4), null);
        scenario.givenPublished()
                .when(new ReviseEvent(WORKSHOP, null, with(workshop(), july)))
                .expectException(ruleViolation("rescheduled"))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_event_says_why_and_is_cancelled_once() {
        scenario.givenPublished(new EventCancelled(WORKSHOP, "台風接近のため"))
                .when(new CancelEvent(WORKSHOP, null, "再度"))
                .expectException(ruleViolation("CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void an_event_is_cancelled_with_a_reason() {
        scenario.givenPublished()
                .when(new CancelEvent(WORKSHOP, null, "台風接近のため"))
                .expectEvents(new EventCancelled(WORKSHOP, "台風接近のため"));
    }

    @Test
    void an_event_does_not_finish_before_it_starts() {
        scenario.givenPublished()
                .when(new FinishEvent(WORKSHOP, null))
                .expectException(ruleViolation("not started"))
                .expectNoEvents();
    }

    @Test
    void an_event_finishes_after_it_started() {
        new EventScenario(JUNE_20.endsAt()).givenPublished()
                .when(new FinishEvent(WORKSHOP, null))
                .expectEvents(new EventFinished(WORKSHOP));
    }

    @Test
    void a_proposed_campaign_event_is_approved_by_the_secretariat() {
        scenario.given(new CampaignEventProposed(WORKSHOP, SAKURA, workshop()))
                .when(new ApproveCampaignEvent(WORKSHOP, 0L))
                .expectEvents(new CampaignEventApproved(WORKSHOP));
    }

    @Test
    void a_proposed_campaign_event_is_rejected_with_a_reason() {
        scenario.given(new CampaignEventProposed(WORKSHOP, SAKURA, workshop()))
                .when(new RejectCampaignEvent(WORKSHOP, 0L, "強化月間の趣旨と異なるため"))
                .expectEvents(new CampaignEventRejected(WORKSHOP, "強化月間の趣旨と異なるため"));
    }

    @Test
    void only_a_proposal_is_approved() {
        scenario.givenPublished()
                .when(new ApproveCampaignEvent(WORKSHOP, null))
                .expectException(ruleViolation("only a proposed campaign event"))
                .expectNoEvents();
    }
}
