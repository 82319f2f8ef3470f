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

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

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

    @QueryHandler
    List<MeetingSummary> handle(ListMeetings query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value()))
                            .with(Sort.by("date", "start"));
        return mongo.find(select, MeetingView.class).stream()
                    .map(m -> new MeetingSummary(m.id, m.subcommitteeId, m.title, LocalDate.parse(m.date),
                            m.start == null ? null : LocalTime.parse(m.start), m.end == null ? null : LocalTime.parse(m.end),
                            m.status, m.fromPollId, m.venue, m.onlineUrl, m.reason, m.sequence, m.version))
                    .toList();
    }
}
