package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A meeting (会議) of a subcommittee: scheduled (from a confirmed date poll), rescheduled or cancelled with a reason, and
 * its place (venue, online URL). Agenda, minutes and attendance are still to come (issue 11). The command handler
 * checks the data and hands "now" in Japan; the meeting decides what may change.
 */
@Aggregate
public class Meeting {

    @AggregateIdentifier
    private MeetingId id;
    private SubcommitteeId subcommittee;
    private LocalDate date;
    private LocalTime start;
    private LocalTime end;
    private String venue;
    private String onlineUrl;
    private boolean cancelled;

    protected Meeting() {
        // for Axon
    }

    Meeting(MeetingId id, SubcommitteeId subcommittee, String title, LocalDate date, LocalTime start, LocalTime end,
            PollId fromPoll) {
        apply(new MeetingScheduled(id, subcommittee, title, date, start, end, fromPoll));
    }

    SubcommitteeId subcommittee() {
        return subcommittee;
    }

    /** The same date and times again records nothing, so a retried request is harmless. */
    long reschedule(LocalDate newDate, LocalTime newStart, LocalTime newEnd, String reason, LocalDateTime now) {
        if (cancelled) {
            throw new SubcommitteeRuleViolation("a cancelled meeting cannot be rescheduled");
        }
        if (isOver(now)) {
            throw new SubcommitteeRuleViolation("the meeting has taken place already");
        }
        if (newDate.equals(date) && Objects.equals(newStart, start) && Objects.equals(newEnd, end)) {
            return getVersion();
        }
        apply(new MeetingRescheduled(id, subcommittee, newDate, newStart, newEnd, reason));
        return getVersion();
    }

    /** Cancelling a cancelled meeting records nothing (a retried request). */
    long cancel(String reason, LocalDateTime now) {
        if (cancelled) {
            return getVersion();
        }
        if (isOver(now)) {
            throw new SubcommitteeRuleViolation("the meeting has taken place already");
        }
        apply(new MeetingCancelled(id, subcommittee, reason));
        return getVersion();
    }

    long setPlace(String newVenue, String newOnlineUrl) {
        if (cancelled) {
            throw new SubcommitteeRuleViolation("the meeting is cancelled");
        }
        if (Objects.equals(newVenue, venue) && Objects.equals(newOnlineUrl, onlineUrl)) {
            return getVersion();
        }
        apply(new MeetingPlaceSet(id, subcommittee, newVenue, newOnlineUrl));
        return getVersion();
    }

    /** A meeting that has ended (a whole-day one: once its day is over) is history, not a plan to change. */
    private boolean isOver(LocalDateTime now) {
        LocalDateTime over = end == null ? date.plusDays(1).atStartOfDay() : date.atTime(end);
        return !now.isBefore(over);
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        id = event.meetingId();
        subcommittee = event.subcommitteeId();
        date = event.date();
        start = event.start();
        end = event.end();
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        date = event.date();
        start = event.start();
        end = event.end();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(MeetingPlaceSet event) {
        venue = event.venue();
        onlineUrl = event.onlineUrl();
    }
}
