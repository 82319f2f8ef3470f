package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The meetings a deliverable names, as their own events in the event store made them (the meeting feature is another
 * package; its published events are the module's api): a meeting scheduled a moment ago counts at once, as ADR 0022
 * reads membership.
 */
interface MeetingsOfSubcommittee {

    /** Where and when the meeting is held, and whether it was cancelled; empty when there is no such meeting. */
    Optional<Held> find(MeetingId meeting);

    record Held(SubcommitteeId subcommittee, LocalDate date, boolean cancelled) {
    }

    @Component
    class FromEventStore implements MeetingsOfSubcommittee {

        private final EventStore events;

        FromEventStore(EventStore events) {
            this.events = events;
        }

        @Override
        public Optional<Held> find(MeetingId meeting) {
            Held held = null;
            for (Object event : events.readEvents(meeting.value()).asStream().map(DomainEventMessage::getPayload).toList()) {
                if (event instanceof MeetingScheduled e) {
                    held = new Held(e.subcommitteeId(), e.date(), false);
                } else if (held != null && event instanceof MeetingRescheduled e) {
                    held = new Held(held.subcommittee(), e.date(), false);
                } else if (held != null && event instanceof MeetingCancelled) {
                    held = new Held(held.subcommittee(), held.date(), true);
                }
            }
            return Optional.ofNullable(held);
        }
    }
}
