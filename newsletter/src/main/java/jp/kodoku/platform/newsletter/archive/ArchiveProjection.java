package jp.kodoku.platform.newsletter.archive;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The public archive ({@code newsletter_archive}): which issues went out to everyone, by number and fiscal year,
 * through the versioned upsert (idempotent, rebuilt by replaying the issues' events).
 *
 * <p>The rule: an issue is public once sent if anyone could have received it, that is if its segment reached the
 * public subscribers (audience ALL or PUBLIC). An issue sent to members' contacts only (audience MEMBERS, with or
 * without filters) is never in the public archive. Within a public issue, items marked members-only are left out, as
 * they were left out of the public subscribers' mails.
 *
 * <p>An issue's text is read from the issue itself ({@link FindIssue}) when the archive is read: an issue that has
 * gone out never changes, so there is nothing to copy and nothing to keep in step.
 */
@Component
@ProcessingGroup("newsletter")
class ArchiveProjection {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final MongoTemplate mongo;
    private final QueryGateway queries;
    private final VersionedDocuments<ArchivedIssueView> archive;

    ArchiveProjection(MongoTemplate mongo, QueryGateway queries, ReadModelBatches batches) {
        this.mongo = mongo;
        this.queries = queries;
        this.archive = batches.versioned(ArchivedIssueView.class, ArchivedIssueView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(ArchivedIssueView.class);
    }

    @EventHandler
    void on(IssueDrafted e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.subject = e.subject());
    }

    @EventHandler
    void on(IssueRevised e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.subject = e.subject());
    }

    @EventHandler
    void on(IssueSegmentChosen e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.toEveryone = e.segment().includesPublic());
    }

    @EventHandler
    void on(IssueSendingStarted e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> i.number = e.number());
    }

    @EventHandler
    void on(IssueSent e, @SequenceNumber long seq) {
        issue(e.issueId(), seq, i -> {
            i.sentAt = e.sentAt();
            i.fiscalYear = fiscalYear(e.sentAt());
            i.published = i.toEveryone;
        });
    }

    @QueryHandler
    List<ArchivedIssueSummary> handle(ListArchivedIssues query) {
        Criteria where = Criteria.where("published").is(true);
        if (query.fiscalYear() != null) {
            where = where.and("fiscalYear").is(query.fiscalYear());
        }
        return mongo.find(Query.query(where).with(Sort.by(Sort.Order.desc("number"))).limit(Math.max(0, query.limit())),
                            ArchivedIssueView.class)
                    .stream()
                    .map(i -> new ArchivedIssueSummary(new IssueId(i.id), i.number, i.subject, i.sentAt, i.fiscalYear))
                    .toList();
    }

    @QueryHandler
    List<Integer> handle(ListArchiveFiscalYears query) {
        return mongo.findDistinct(Query.query(Criteria.where("published").is(true)), "fiscalYear",
                            ArchivedIssueView.class, Integer.class)
                    .stream().sorted(Comparator.reverseOrder()).toList();
    }

    @QueryHandler
    Optional<ArchivedIssue> handle(FindArchivedIssue query) {
        ArchivedIssueView found = mongo.findOne(Query.query(Criteria.where("published").is(true)
                                                                     .and("number").is(query.number())),
                ArchivedIssueView.class);
        if (found == null) {
            return Optional.empty();
        }
        IssueDetails issue = queries.query(new FindIssue(new IssueId(found.id)),
                ResponseTypes.instanceOf(IssueDetails.class)).join();
        if (issue == null) {
            return Optional.empty();
        }
        return Optional.of(new ArchivedIssue(issue.issueId(), found.number, issue.subject(), found.sentAt,
                found.fiscalYear, publicSections(issue)));
    }

    /** The sections with their items for everyone; a section with none is left out. */
    private static List<ArchivedIssue.ArchivedSection> publicSections(IssueDetails issue) {
        return issue.sections().stream()
                    .map(s -> new ArchivedIssue.ArchivedSection(s.title(), s.items().stream()
                            .filter(item -> !item.membersOnly())
                            .map(item -> new ArchivedIssue.ArchivedItem(item.title(), item.bodyHtml(), item.bodyText(),
                                    item.link()))
                            .toList()))
                    .filter(s -> !s.items().isEmpty())
                    .toList();
    }

    /** Fiscal years run April–March in Japan time: an issue of 2023-03-27 belongs to 2022. */
    static int fiscalYear(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, JAPAN);
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private void issue(IssueId id, long seq, Consumer<ArchivedIssueView> change) {
        archive.upsert(id.value(), seq, change);
    }
}
