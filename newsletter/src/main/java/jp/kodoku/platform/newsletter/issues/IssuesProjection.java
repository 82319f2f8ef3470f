package jp.kodoku.platform.newsletter.issues;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.newsletter.SafeMarkdown;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Issues as read ({@code newsletter_issues}), through the versioned upsert. Bodies are kept as written and rendered
 * when read, so a change of the safe subset needs no rebuild (ADR 0028).
 */
@Component
@ProcessingGroup("newsletter")
class IssuesProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<IssueView> issues;

    IssuesProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.issues = batches.versioned(IssueView.class, IssueView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(IssueView.class);
    }

    @EventHandler
    void on(IssueDrafted e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.subject = e.subject();
            i.plannedSendAt = e.plannedSendAt();
            i.status = IssueStatus.DRAFT;
            i.sections = new ArrayList<>(e.sections().stream()
                    .map(s -> new IssueView.Section(s.key(), s.title(), List.of())).toList());
        });
    }

    @EventHandler
    void on(IssueRevised e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.subject = e.subject();
            i.plannedSendAt = e.plannedSendAt();
        });
    }

    @EventHandler
    void on(IssueSectionAdded e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.sections.add(new IssueView.Section(e.section().key(), e.section().title(), List.of())));
    }

    @EventHandler
    void on(IssueSectionRemoved e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.sections.removeIf(s -> s.key().equals(e.sectionKey())));
    }

    @EventHandler
    void on(IssueItemAdded e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> items(i, e.sectionKey(), items -> {
            items.add(new IssueView.Item(e.itemId().value(), e.content()));
            return items;
        }));
    }

    @EventHandler
    void on(IssueItemRevised e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.sections.replaceAll(s -> new IssueView.Section(s.key(), s.title(),
                s.items().stream().map(item -> item.itemId().equals(e.itemId().value())
                        ? new IssueView.Item(item.itemId(), e.content()) : item).toList())));
    }

    @EventHandler
    void on(IssueItemRemoved e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> remove(i, e.itemId()));
    }

    @EventHandler
    void on(IssueItemMoved e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            IssueView.Item moved = remove(i, e.itemId());
            items(i, e.sectionKey(), items -> {
                items.add(e.position(), moved);
                return items;
            });
        });
    }

    @EventHandler
    void on(IssueSegmentChosen e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.segment = e.segment());
    }

    @EventHandler
    void on(IssueScheduled e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.status = IssueStatus.SCHEDULED);
    }

    @EventHandler
    void on(IssueReturnedToDraft e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.status = IssueStatus.DRAFT);
    }

    @EventHandler
    void on(IssueCancelled e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.status = IssueStatus.CANCELLED;
            i.cancellationReason = e.reason();
        });
    }

    @EventHandler
    void on(IssueSendingStarted e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.status = IssueStatus.SENDING;
            i.number = e.number();
        });
    }

    @EventHandler
    void on(IssueSent e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.status = IssueStatus.SENT;
            i.sentAt = e.sentAt();
            i.delivered = e.delivered();
            i.failed = e.failed();
        });
    }

    @QueryHandler
    IssueDetails handle(FindIssue query) {
        IssueView i = mongo.findById(query.issueId().value(), IssueView.class);
        if (i == null) {
            return null;
        }
        return new IssueDetails(new IssueId(i.id), i.number, i.subject, i.plannedSendAt, i.status, i.cancellationReason,
                i.sentAt, i.delivered, i.failed, i.segment, i.sections.stream().map(s -> new IssueDetails.SectionDetails(s.key(),
                s.title(), s.items().stream().map(item -> new IssueDetails.ItemDetails(new ItemId(item.itemId()),
                item.content().title(), item.content().body(), SafeMarkdown.html(item.content().body()),
                SafeMarkdown.text(item.content().body()), item.content().link(), item.content().membersOnly()))
                .toList())).toList(), i.version);
    }

    @QueryHandler
    List<IssueSummary> handle(ListIssues query) {
        Query select = query.statuses().isEmpty() ? new Query()
                : Query.query(Criteria.where("status").in(query.statuses()));
        return mongo.find(select.with(Sort.by(Sort.Order.desc("plannedSendAt"), Sort.Order.asc("_id"))), IssueView.class)
                    .stream()
                    .map(i -> new IssueSummary(new IssueId(i.id), i.number, i.subject, i.plannedSendAt, i.status,
                            i.sections.stream().mapToInt(s -> s.items().size()).sum(), i.version))
                    .toList();
    }

    private static void items(IssueView i, String sectionKey, UnaryOperator<List<IssueView.Item>> change) {
        i.sections.replaceAll(s -> s.key().equals(sectionKey)
                ? new IssueView.Section(s.key(), s.title(), List.copyOf(change.apply(new ArrayList<>(s.items())))) : s);
    }

    private static IssueView.Item remove(IssueView i, ItemId itemId) {
        IssueView.Item removed = i.sections.stream().flatMap(s -> s.items().stream())
                                           .filter(item -> item.itemId().equals(itemId.value())).findFirst().orElse(null);
        i.sections.replaceAll(s -> new IssueView.Section(s.key(), s.title(),
                s.items().stream().filter(item -> item != removed).toList()));
        return removed;
    }

    private void issue(IssueId id, long seq, Consumer<IssueView> change) {
        issues.upsert(id.value(), seq, change);
    }
}
