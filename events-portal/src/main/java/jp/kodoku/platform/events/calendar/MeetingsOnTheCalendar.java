package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;

/**
 * Subcommittee meetings and memberships on the unified calendar, from the subcommittees module's published events
 * only (its {@code api}): {@code calendar_meetings} (one document per meeting) and {@code calendar_subcommittees} (one
 * per subcommittee: title and members). Idempotent (versioned upsert, per aggregate) and rebuilt with the module's
 * other read models (same processing group).
 */
@Component
@ProcessingGroup(CalendarProjection.GROUP)
class MeetingsOnTheCalendar {

    private final MongoTemplate mongo;
    private final VersionedDocuments<CalendarMeeting> meetings;
    private final VersionedDocuments<CalendarSubcommittee> subcommittees;

    private final CalendarVersion version;

    MeetingsOnTheCalendar(MongoTemplate mongo, ReadModelBatches batches, CalendarVersion version) {
        this.mongo = mongo;
        this.version = version;
        this.meetings = batches.versioned(CalendarMeeting.class, CalendarMeeting::new, written -> version.moved());
        this.subcommittees = batches.versioned(CalendarSubcommittee.class, CalendarSubcommittee::new,
                written -> version.moved());
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(CalendarMeeting.class);
        mongo.dropCollection(CalendarSubcommittee.class);
        version.moved();
    }

    // ---- meetings ---------------------------------------------------------------------------------------------------

    @EventHandler
    void on(MeetingScheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        meeting(e.meetingId(), seq, at, m -> {
            m.subcommitteeId = e.subcommitteeId().value();
            m.title = e.title();
            m.status = MeetingStatus.SCHEDULED.name();
            when(m, e.date(), e.start(), e.end());
        });
    }

    @EventHandler
    void on(MeetingRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        meeting(e.meetingId(), seq, at, m -> {
            m.status = MeetingStatus.RESCHEDULED.name();
            m.reason = e.reason();
            when(m, e.date(), e.start(), e.end());
        });
    }

    @EventHandler
    void on(MeetingCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        meeting(e.meetingId(), seq, at, m -> {
            m.status = MeetingStatus.CANCELLED.name();
            m.reason = e.reason();
        });
    }

    @EventHandler
    void on(MeetingPlaceSet e, @SequenceNumber long seq, @Timestamp Instant at) {
        meeting(e.meetingId(), seq, at, m -> {
            m.venue = e.venue();
            m.online = e.onlineUrl() != null;
        });
    }

    /** A public meeting is on the public calendar too; the others stay their subcommittee's members' only. */
    @EventHandler
    void on(MeetingVisibilityChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        meeting(e.meetingId(), seq, at, m -> m.publicMeeting = e.publicMeeting());
    }

    // ---- subcommittees: title and members ---------------------------------------------------------------------------

    @EventHandler
    void on(SubcommitteeCreated e, @SequenceNumber long seq) {
        subcommittees.upsert(e.subcommitteeId().value(), seq, s -> {
            s.number = e.number();
            s.title = e.title();
        });
    }

    @EventHandler
    void on(SubcommitteeMemberJoined e, @SequenceNumber long seq) {
        subcommittees.upsert(e.subcommitteeId().value(), seq, s -> {
            if (!s.members.contains(e.organizationId().value())) {
                s.members.add(e.organizationId().value());
            }
        });
    }

    @EventHandler
    void on(SubcommitteeMemberLeft e, @SequenceNumber long seq) {
        subcommittees.upsert(e.subcommitteeId().value(), seq, s -> s.members.remove(e.organizationId().value()));
    }

    private void meeting(MeetingId id, long seq, Instant at, Consumer<CalendarMeeting> change) {
        meetings.upsert(id.value(), seq, change.andThen(m -> m.changedAt = at.toString()));
    }

    /** A meeting is one day; without times it is the whole day. */
    private static void when(CalendarMeeting m, LocalDate date, LocalTime start, LocalTime end) {
        m.startDate = date.toString();
        m.endDate = date.toString();
        m.startTime = start == null ? null : start.toString();
        m.endTime = end == null ? null : end.toString();
        m.startsAt = new Schedule(date, start, date, end).startsAt().toString();
    }
}
