package jp.kodoku.platform.events.registrations;

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
 * Keeps {@code event_registrations}: each event's registrations and waitlist, for the secretariat's table, the
 * registrant's private page and a member organization's list. Idempotent (versioned upsert by the event's sequence
 * number) and rebuildable (the reset drops the collection).
 */
@Component
@ProcessingGroup("events-portal")
class RegistrationsProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<EventRegistrations> documents;

    RegistrationsProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.documents = batches.versioned(EventRegistrations.class, EventRegistrations::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(EventRegistrations.class);
    }

    @EventHandler
    void on(EventScheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> details(d, e.details()));
    }

    @EventHandler
    void on(CampaignEventProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> details(d, e.details()));
    }

    @EventHandler
    void on(EventRevised e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> details(d, e.details()));
    }

    @EventHandler
    void on(EventRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> schedule(d, e.schedule()));
    }

    @EventHandler
    void on(EventCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> {
            d.cancelled = true;
            d.entries.replaceAll(entry -> active(entry.status()) ? entry.withStatus(RegistrationStatus.EVENT_CANCELLED) : entry);
            d.waitlist.clear();
        });
    }

    @EventHandler
    void on(PublicRegistrationRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> d.put(new EventRegistrations.Entry(e.registrationId().value(),
                RegistrationStatus.PENDING_CONFIRMATION, e.seats(), null, null, e.registrant().name(),
                e.registrant().email(), e.accessTokenHash(), null, null, null, at.toString())));
    }

    @EventHandler
    void on(RegistrationConfirmed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> d.put(entry(e.registrationId(), RegistrationStatus.CONFIRMED, e.registrant(),
                e.seats(), e.accessTokenHash(), e.acceptedAs(), at)));
    }

    @EventHandler
    void on(RegistrationWaitlisted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> {
            d.put(entry(e.registrationId(), RegistrationStatus.WAITLISTED, e.registrant(), e.seats(),
                    e.accessTokenHash(), e.acceptedAs(), at));
            d.waitlist.remove(e.registrationId().value());
            d.waitlist.add(e.registrationId().value());
        });
    }

    @EventHandler
    void on(PromotedFromWaitlist e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> {
            d.change(e.registrationId().value(), x -> new EventRegistrations.Entry(x.registrationId(),
                    RegistrationStatus.CONFIRMED, x.seats(), x.organizationId(), x.account(), x.name(), x.email(),
                    x.accessTokenHash(), x.acceptedAs(), e.cause(), x.attendedSeats(), x.registeredAt()));
            d.waitlist.remove(e.registrationId().value());
        });
    }

    @EventHandler
    void on(RegistrationCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> ended(d, e.registrationId(), RegistrationStatus.CANCELLED));
    }

    @EventHandler
    void on(RegistrationRemoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> ended(d, e.registrationId(), RegistrationStatus.REMOVED));
    }

    @EventHandler
    void on(WaitlistEntryMoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> {
            d.waitlist.clear();
            e.waitlist().forEach(id -> d.waitlist.add(id.value()));
        });
    }

    @EventHandler
    void on(AttendanceRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> d.change(e.registrationId().value(), x -> new EventRegistrations.Entry(
                x.registrationId(), x.status(), x.seats(), x.organizationId(), x.account(), x.name(), x.email(),
                x.accessTokenHash(), x.acceptedAs(), x.promotedBecause(), e.attendedSeats(), x.registeredAt())));
    }

    /** The sealed values stay, unreadable for good; dropping them too leaves nothing even to try. */
    @EventHandler
    void on(RegistrantPersonalDataErased e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.eventId(), seq, at, d -> d.change(e.registrationId().value(), x -> new EventRegistrations.Entry(
                x.registrationId(), x.status(), x.seats(), x.organizationId(), x.account(), null, null,
                x.accessTokenHash(), x.acceptedAs(), x.promotedBecause(), x.attendedSeats(), x.registeredAt())));
    }

    private static void ended(EventRegistrations d, RegistrationId id, RegistrationStatus to) {
        d.change(id.value(), x -> x.withStatus(to));
        d.waitlist.remove(id.value());
    }

    private static boolean active(RegistrationStatus status) {
        return status == RegistrationStatus.CONFIRMED || status == RegistrationStatus.WAITLISTED
                || status == RegistrationStatus.PENDING_CONFIRMATION;
    }

    /** A public registration keeps its sealed data from the request; a member's comes with its registrant. */
    private static EventRegistrations.Entry entry(RegistrationId id, RegistrationStatus status, Registrant registrant,
                                                  int seats, String accessTokenHash, long acceptedAs,
                                                  Instant at) {
        return new EventRegistrations.Entry(id.value(), status, seats,
                registrant.organizationId() == null ? null : registrant.organizationId().value(), registrant.account(),
                registrant.name(), registrant.email(), accessTokenHash, acceptedAs, null, null, at.toString());
    }

    private static void details(EventRegistrations d, EventDetails details) {
        d.title = details.title();
        d.description = details.description();
        d.location = details.venue() == null ? null : details.venue().name() + "（" + details.venue().address() + "）";
        d.onlineUrl = details.onlineUrl();
        schedule(d, details.schedule());
    }

    private static void schedule(EventRegistrations d, Schedule s) {
        d.startDate = s.startDate().toString();
        d.startTime = s.startTime() == null ? null : s.startTime().toString();
        d.endDate = s.endDate().toString();
        d.endTime = s.endTime() == null ? null : s.endTime().toString();
        d.startsAt = s.startsAt().toString();
    }

    private void apply(EventId id, long seq, Instant at, Consumer<EventRegistrations> change) {
        documents.upsert(id.value(), seq, change.andThen(d -> d.changedAt = at.toString()));
    }
}
