package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jp.kodoku.platform.infra.files.StoredFile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Meetings as they are read ({@code meetings}), through the versioned upsert; rebuilt with the module's read models. */
@Component
@ProcessingGroup("subcommittees")
class MeetingsProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<MeetingView> meetings;

    MeetingsProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.meetings = batches.versioned(MeetingView.class, MeetingView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(MeetingView.class);
    }

    @EventHandler
    void on(MeetingScheduled e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> {
            m.subcommitteeId = e.subcommitteeId().value();
            m.title = e.title();
            m.date = e.date().toString();
            m.start = e.start() == null ? null : e.start().toString();
            m.end = e.end() == null ? null : e.end().toString();
            m.status = MeetingStatus.SCHEDULED;
            m.fromPollId = e.fromPoll() == null ? null : e.fromPoll().value();
        });
    }

    @EventHandler
    void on(MeetingRescheduled e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> {
            m.date = e.date().toString();
            m.start = e.start() == null ? null : e.start().toString();
            m.end = e.end() == null ? null : e.end().toString();
            m.status = MeetingStatus.RESCHEDULED;
            m.reason = e.reason();
            m.sequence++;
        });
    }

    @EventHandler
    void on(MeetingCancelled e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> {
            m.status = MeetingStatus.CANCELLED;
            m.reason = e.reason();
            m.sequence++;
        });
    }

    @EventHandler
    void on(MeetingPlaceSet e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> {
            m.venue = e.venue();
            m.onlineUrl = e.onlineUrl();
            m.sequence++;
        });
    }

    @EventHandler
    void on(MeetingVisibilityChanged e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.publicMeeting = e.publicMeeting());
    }

    @EventHandler
    void on(AgendaItemAdded e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq,
                m -> m.agenda.add(new AgendaItem(e.itemId().value(), e.title(), e.presenter(), List.of())));
    }

    @EventHandler
    void on(AgendaItemChanged e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.agenda.replaceAll(item -> item.itemId().equals(e.itemId().value())
                ? new AgendaItem(item.itemId(), e.title(), e.presenter(), item.files()) : item));
    }

    @EventHandler
    void on(AgendaItemRemoved e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.agenda.removeIf(item -> item.itemId().equals(e.itemId().value())));
    }

    @EventHandler
    void on(AgendaReordered e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> {
            List<String> order = e.order().stream().map(AgendaItemId::value).toList();
            m.agenda.sort(java.util.Comparator.comparingInt(item -> order.indexOf(item.itemId())));
        });
    }

    @EventHandler
    void on(AgendaFileAttached e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.agenda.replaceAll(item -> {
            if (!item.itemId().equals(e.itemId().value())) {
                return item;
            }
            List<StoredFile> files = new ArrayList<>(item.files());
            files.add(e.file());
            return new AgendaItem(item.itemId(), item.title(), item.presenter(), files);
        }));
    }

    @EventHandler
    void on(AgendaFileRemoved e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.agenda.replaceAll(item -> item.itemId().equals(e.itemId().value())
                ? new AgendaItem(item.itemId(), item.title(), item.presenter(),
                        item.files().stream().filter(f -> !f.sha256().equals(e.sha256())).toList())
                : item));
    }

    @EventHandler
    void on(AttendanceRecorded e, @SequenceNumber long seq) {
        meetings.upsert(e.meetingId().value(), seq, m -> m.attendance = new ArrayList<>(e.attendance()));
    }

    @QueryHandler
    Optional<MeetingDetails> handle(FindMeeting query) {
        return Optional.ofNullable(mongo.findById(query.meetingId().value(), MeetingView.class))
                       .filter(m -> m.subcommitteeId.equals(query.subcommitteeId().value()))
                       .map(m -> new MeetingDetails(summary(m), m.publicMeeting, List.copyOf(m.agenda),
                               List.copyOf(m.attendance)));
    }

    /** A separate read without the online URL, never a filter on the insiders' one (ADR 0023's addendum). */
    @QueryHandler
    List<PublicMeeting> handle(ListPublicMeetings query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value())
                                           .and("publicMeeting").is(true))
                            .with(Sort.by("date", "start"));
        return mongo.find(select, MeetingView.class).stream()
                    .map(m -> new PublicMeeting(m.id, m.subcommitteeId, m.title, LocalDate.parse(m.date),
                            m.start == null ? null : LocalTime.parse(m.start), m.end == null ? null : LocalTime.parse(m.end),
                            m.status, m.venue, m.reason, m.sequence))
                    .toList();
    }

    @QueryHandler
    List<MeetingSummary> handle(ListMeetings query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value()))
                            .with(Sort.by("date", "start"));
        return mongo.find(select, MeetingView.class).stream().map(MeetingsProjection::summary).toList();
    }

    private static MeetingSummary summary(MeetingView m) {
        return new MeetingSummary(m.id, m.subcommitteeId, m.title, LocalDate.parse(m.date),
                m.start == null ? null : LocalTime.parse(m.start), m.end == null ? null : LocalTime.parse(m.end),
                m.status, m.fromPollId, m.venue, m.onlineUrl, m.reason, m.sequence, m.version);
    }
}
