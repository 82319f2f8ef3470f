package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps the {@code events} collection, the calendar of every view: one document per event with its settings, status
 * and seat figures. Idempotent (versioned upsert) and rebuildable (the reset drops the collection).
 */
@Component
@ProcessingGroup(CalendarProjection.GROUP)
class CalendarProjection {

    /** The module's processing group for plain read models. */
    static final String GROUP = "events-portal";

    private final MongoTemplate mongo;
    private final VersionedDocuments<EventView> events;

    private final CalendarVersion version;

    CalendarProjection(MongoTemplate mongo, ReadModelBatches batches, CalendarVersion version) {
        this.mongo = mongo;
        this.version = version;
        this.events = batches.versioned(EventView.class, EventView::new, written -> version.moved());
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(EventView.class);
        version.moved();
    }

    @EventHandler
    void on(EventScheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.setDetails(e.details());
            v.status = EventStatus.DRAFT;
        });
    }

    @EventHandler
    void on(CampaignEventProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.setDetails(e.details());
            v.proposer = e.proposer().value();
            v.status = EventStatus.PROPOSED;
        });
    }

    @EventHandler
    void on(CampaignEventApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> v.status = EventStatus.PUBLISHED);
    }

    @EventHandler
    void on(CampaignEventRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.status = EventStatus.REJECTED;
            v.statusReason = e.reason();
        });
    }

    @EventHandler
    void on(EventRevised e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> v.setDetails(e.details()));
    }

    @EventHandler
    void on(EventPublished e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.status = EventStatus.PUBLISHED;
            v.symposiumNumber = e.symposiumNumber();
        });
    }

    @EventHandler
    void on(EventRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.setSchedule(e.schedule());
            v.status = EventStatus.RESCHEDULED;
            v.statusReason = e.reason();
        });
    }

    @EventHandler
    void on(EventCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.status = EventStatus.CANCELLED;
            v.statusReason = e.reason();
            v.confirmedRegistrations = 0;
            v.confirmedSeats = 0;
            v.waitlistedRegistrations = 0;
        });
    }

    @EventHandler
    void on(EventFinished e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> v.status = EventStatus.FINISHED);
    }

    @EventHandler
    void on(RegistrationConfirmed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.confirmedRegistrations++;
            v.confirmedSeats += e.seats();
        });
    }

    @EventHandler
    void on(RegistrationWaitlisted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> v.waitlistedRegistrations++);
    }

    @EventHandler
    void on(PromotedFromWaitlist e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.waitlistedRegistrations--;
            v.confirmedRegistrations++;
            v.confirmedSeats += e.seats();
        });
    }

    /** The previous status says which count the registration leaves. */
    @EventHandler
    void on(RegistrationCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> ended(v, e.previous(), e.seats()));
    }

    @EventHandler
    void on(RegistrationRemoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> ended(v, e.previous(), e.seats()));
    }

    /** A correction replaces the registration's earlier figure. */
    @EventHandler
    void on(AttendanceRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> {
            v.attendance.put(e.registrationId().value(), e.attendedSeats());
            v.attendedSeats = v.attendance.values().stream().mapToInt(Integer::intValue).sum();
        });
    }

    /**
     * Nothing the calendar shows changes, but the event's version does: the version is the If-Match a client (and the
     * secretariat's editor page) sends next, so it must follow every event of the aggregate.
     */
    @EventHandler
    void on(PublicRegistrationRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> { });
    }

    @EventHandler
    void on(WaitlistEntryMoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> { });
    }

    @EventHandler
    void on(RegistrantPersonalDataErased e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, v -> { });
    }

    private static void ended(EventView v, RegistrationStatus previous, int seats) {
        if (previous == RegistrationStatus.CONFIRMED) {
            v.confirmedRegistrations--;
            v.confirmedSeats -= seats;
        } else if (previous == RegistrationStatus.WAITLISTED) {
            v.waitlistedRegistrations--;
        }
    }

    private void apply(EventId id, long seq, Instant at, Consumer<EventView> change) {
        events.upsert(id.value(), seq, change.andThen(v -> v.changedAt = at.toString()));
    }
}
