package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Minutes as they are read: the newest revision of each ({@code minutes}) and every revision ({@code minutes_revisions}),
 * through the versioned upsert; rebuilt with the module's read models. Who saved a revision is the event's principal.
 */
@Component
@ProcessingGroup("subcommittees")
class MinutesProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<MinutesView> minutes;
    private final VersionedDocuments<MinutesRevisionView> revisions;

    MinutesProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.minutes = batches.versioned(MinutesView.class, MinutesView::new);
        this.revisions = batches.versioned(MinutesRevisionView.class, MinutesRevisionView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(MinutesView.class);
        mongo.dropCollection(MinutesRevisionView.class);
    }

    @EventHandler
    void on(MinutesRevisionSaved e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        revisions.upsert(e.meetingId().value() + "/" + e.revision(), seq, r -> {
            r.meetingId = e.meetingId().value();
            r.subcommitteeId = e.subcommitteeId().value();
            r.revision = e.revision();
            r.text = e.text();
            r.savedBy = principal;
            r.savedAt = at;
            r.restoredFrom = e.restoredFrom();
        });
        minutes.upsert(e.meetingId().value(), seq, m -> {
            m.subcommitteeId = e.subcommitteeId().value();
            m.status = MinutesStatus.DRAFT;
            m.revision = e.revision();
            m.text = e.text();
            m.savedAt = at;
            m.savedBy = principal;
        });
    }

    @EventHandler
    void on(MinutesFinalized e, @SequenceNumber long seq, @Timestamp Instant at) {
        minutes.upsert(e.meetingId().value(), seq, m -> {
            m.status = MinutesStatus.FINALIZED;
            m.finalizedAt = at;
        });
    }

    @EventHandler
    void on(MinutesPublished e, @SequenceNumber long seq, @Timestamp Instant at) {
        minutes.upsert(e.meetingId().value(), seq, m -> {
            m.audience = e.audience();
            m.publishedAt = at;
        });
    }

    @QueryHandler
    Optional<MinutesDetails> handle(FindMinutes query) {
        return Optional.ofNullable(mongo.findById(query.meetingId().value(), MinutesView.class))
                       .filter(m -> m.subcommitteeId.equals(query.subcommitteeId().value()))
                       .map(m -> details(m, m.text));
    }

    @QueryHandler
    List<MinutesDetails> handle(ListMinutes query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value()));
        select.fields().exclude("text");
        return mongo.find(select, MinutesView.class).stream().map(m -> details(m, null)).toList();
    }

    @QueryHandler
    List<MinutesRevision> handle(ListMinutesRevisions query) {
        Query select = Query.query(Criteria.where("meetingId").is(query.meetingId().value())
                                           .and("subcommitteeId").is(query.subcommitteeId().value()))
                            .with(Sort.by("revision"));
        return mongo.find(select, MinutesRevisionView.class).stream()
                    .map(r -> new MinutesRevision(r.revision, r.savedBy, r.savedAt, r.restoredFrom, r.text.length(), null))
                    .toList();
    }

    @QueryHandler
    Optional<MinutesRevision> handle(FindMinutesRevision query) {
        return revision(query.subcommitteeId(), query.meetingId(), query.revision())
                .map(r -> new MinutesRevision(r.revision, r.savedBy, r.savedAt, r.restoredFrom, r.text.length(), r.text));
    }

    @QueryHandler
    Optional<MinutesComparison> handle(CompareMinutesRevisions query) {
        Optional<MinutesRevisionView> from = revision(query.subcommitteeId(), query.meetingId(), query.from());
        Optional<MinutesRevisionView> to = revision(query.subcommitteeId(), query.meetingId(), query.to());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MinutesComparison(query.from(), query.to(), LineDiff.of(from.get().text, to.get().text)));
    }

    private Optional<MinutesRevisionView> revision(SubcommitteeId subcommittee, MeetingId meeting, int revision) {
        return Optional.ofNullable(mongo.findById(meeting.value() + "/" + revision, MinutesRevisionView.class))
                       .filter(r -> r.subcommitteeId.equals(subcommittee.value()));
    }

    private MinutesDetails details(MinutesView m, String text) {
        MeetingView meeting = mongo.findById(m.id, MeetingView.class);
        return new MinutesDetails(m.id, m.subcommitteeId, meeting == null ? null : meeting.title,
                meeting == null ? null : LocalDate.parse(meeting.date), m.status, m.audience, m.revision, text, m.savedAt,
                m.savedBy, m.finalizedAt, m.publishedAt, m.version);
    }
}
