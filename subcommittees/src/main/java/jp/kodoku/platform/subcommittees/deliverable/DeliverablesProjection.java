package jp.kodoku.platform.subcommittees.deliverable;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deliverables as they are read ({@code deliverables}), through the versioned upsert; rebuilt with the module's read models. */
@Component
@ProcessingGroup("subcommittees")
class DeliverablesProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<DeliverableView> deliverables;

    DeliverablesProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.deliverables = batches.versioned(DeliverableView.class, DeliverableView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(DeliverableView.class);
    }

    @EventHandler
    void on(DeliverableRecorded e, @SequenceNumber long seq) {
        deliverables.upsert(e.deliverableId().value(), seq, d -> {
            d.subcommitteeId = e.subcommitteeId().value();
            d.visibility = e.visibility();
            content(d, e.title(), e.kind(), e.date(), e.summary(), e.meetings());
        });
    }

    @EventHandler
    void on(DeliverableRevised e, @SequenceNumber long seq) {
        deliverables.upsert(e.deliverableId().value(), seq,
                d -> content(d, e.title(), e.kind(), e.date(), e.summary(), e.meetings()));
    }

    @EventHandler
    void on(DeliverableVisibilityChanged e, @SequenceNumber long seq) {
        deliverables.upsert(e.deliverableId().value(), seq, d -> d.visibility = e.visibility());
    }

    @EventHandler
    void on(DeliverableFileAttached e, @SequenceNumber long seq) {
        deliverables.upsert(e.deliverableId().value(), seq, d -> d.files.add(e.file()));
    }

    @EventHandler
    void on(DeliverableFileRemoved e, @SequenceNumber long seq) {
        deliverables.upsert(e.deliverableId().value(), seq, d -> d.files.removeIf(f -> f.sha256().equals(e.sha256())));
    }

    private static void content(DeliverableView d, String title, DeliverableKind kind, LocalDate date, String summary,
                                List<MeetingId> meetings) {
        d.title = title;
        d.kind = kind;
        d.date = date.toString();
        d.summary = summary;
        d.meetingIds = new ArrayList<>(meetings.stream().map(MeetingId::value).toList());
    }

    @QueryHandler
    List<DeliverableSummary> handle(ListDeliverables query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value()))
                            .with(Sort.by("date", "title"));
        return mongo.find(select, DeliverableView.class).stream().map(DeliverablesProjection::summary).toList();
    }

    @QueryHandler
    Optional<DeliverableSummary> handle(FindDeliverable query) {
        return Optional.ofNullable(mongo.findById(query.deliverableId().value(), DeliverableView.class))
                       .filter(d -> d.subcommitteeId.equals(query.subcommitteeId().value()))
                       .map(DeliverablesProjection::summary);
    }

    private static DeliverableSummary summary(DeliverableView d) {
        return new DeliverableSummary(d.id, d.subcommitteeId, d.title, d.kind, LocalDate.parse(d.date), d.summary,
                d.visibility, List.copyOf(d.meetingIds), List.copyOf(d.files), d.version);
    }
}
