package jp.kodoku.platform.newsletter.proposals;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.api.*;
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

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Proposed items as read ({@code newsletter_proposals}), through the versioned upsert: the queue and each proposer's list. */
@Component
@ProcessingGroup("newsletter")
class ProposalsProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<ProposalView> proposals;

    ProposalsProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.proposals = batches.versioned(ProposalView.class, ProposalView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(ProposalView.class);
    }

    @EventHandler
    void on(ItemProposed e, @SequenceNumber long seq) {
        proposal(e.proposalId(), seq, p -> {
            p.organizationId = e.organizationId().value();
            p.kind = e.kind();
            p.status = ProposalStatus.PROPOSED;
            p.proposed = e.content();
            p.proposedAt = e.proposedAt();
        });
    }

    @EventHandler
    void on(ProposalAccepted e, @SequenceNumber long seq) {
        proposal(e.proposalId(), seq, p -> {
            p.status = ProposalStatus.ACCEPTED;
            p.accepted = e.content();
            p.edited = e.edited();
            p.issueId = e.issueId().value();
            p.itemId = e.itemId().value();
            p.reason = null;
            p.decidedAt = e.decidedAt();
        });
    }

    @EventHandler
    void on(ProposalDeferred e, @SequenceNumber long seq) {
        proposal(e.proposalId(), seq, p -> {
            p.status = ProposalStatus.DEFERRED;
            p.reason = e.reason();
            p.decidedAt = e.decidedAt();
        });
    }

    @EventHandler
    void on(ProposalRejected e, @SequenceNumber long seq) {
        proposal(e.proposalId(), seq, p -> {
            p.status = ProposalStatus.REJECTED;
            p.reason = e.reason();
            p.decidedAt = e.decidedAt();
        });
    }

    @QueryHandler
    Optional<ProposalDetails> handle(FindProposal query) {
        return Optional.ofNullable(mongo.findById(query.proposalId().value(), ProposalView.class))
                       .map(ProposalsProjection::details);
    }

    @QueryHandler
    List<ProposalDetails> handle(ListProposals query) {
        Criteria where = new Criteria();
        if (query.organizationId() != null) {
            where = where.and("organizationId").is(query.organizationId().value());
        }
        if (!query.statuses().isEmpty()) {
            where = where.and("status").in(query.statuses());
        }
        return mongo.find(Query.query(where).with(Sort.by(Sort.Order.desc("proposedAt"), Sort.Order.asc("_id"))),
                ProposalView.class).stream().map(ProposalsProjection::details).toList();
    }

    private static ProposalDetails details(ProposalView p) {
        return new ProposalDetails(new ItemProposalId(p.id), new OrganizationId(p.organizationId), p.kind, p.status,
                p.proposed, p.accepted, p.edited, p.issueId == null ? null : new IssueId(p.issueId),
                p.itemId == null ? null : new ItemId(p.itemId), p.reason, p.proposedAt, p.decidedAt, p.version);
    }

    private void proposal(ItemProposalId id, long seq, Consumer<ProposalView> change) {
        proposals.upsert(id.value(), seq, change);
    }
}
