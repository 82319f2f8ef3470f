package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A meeting (会議) of a subcommittee. So far it is scheduled, from a confirmed date poll; rescheduling, cancelling,
 * the place, agenda, minutes and attendance are still to come (issue 11).
 */
@Aggregate
public class Meeting {

    @AggregateIdentifier
    private MeetingId id;

    protected Meeting() {
        // for Axon
    }

    Meeting(MeetingId id, SubcommitteeId subcommittee, String title, LocalDate date, LocalTime start, LocalTime end,
            PollId fromPoll) {
        apply(new MeetingScheduled(id, subcommittee, title, date, start, end, fromPoll));
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        id = event.meetingId();
    }
}
