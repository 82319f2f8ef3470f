package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages of the feed, newest first (then by id, so that entries of one instant keep one order), each reader seeing
 * what it may: the secretariat everything; members also members-only entries and those of their subcommittees;
 * anyone the public ones, and those about a meeting, minutes or a deliverable that is public now (whatever their own
 * audience: visibility is applied when read, ADR 0046). Entries naming an organization the directory does not list are
 * the secretariat's alone.
 */
@Component
class FeedQueries {

    private final MongoTemplate mongo;
    private final KnownOrganizations organizations;
    private final SubcommitteesActivity subcommittees;
    private final Subjects subjects;

    FeedQueries(MongoTemplate mongo, KnownOrganizations organizations, SubcommitteesActivity subcommittees,
                Subjects subjects) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.subcommittees = subcommittees;
        this.subjects = subjects;
    }

    @QueryHandler
    ActivityPage handle(ListActivity query) {
        List<Criteria> all = new ArrayList<>();
        ActivityViewer viewer = query.viewer();
        Set<String> publicSubjects = subjects.publicNow();
        if (!viewer.secretariat()) {
            all.add(readableBy(viewer, publicSubjects));
            List<String> unlisted = organizations.unlistedMembers();
            if (!unlisted.isEmpty()) {
                all.add(Criteria.where("organizationIds").nin(unlisted));
            }
        }
        if (!query.kinds().isEmpty()) {
            all.add(Criteria.where("kind").in(query.kinds().stream().map(Enum::name).toList()));
        }
        if (query.organizationId() != null) {
            all.add(Criteria.where("organizationIds").is(query.organizationId()));
        }
        if (query.subcommitteeId() != null) {
            all.add(Criteria.where("subcommitteeId").is(query.subcommitteeId()));
        }
        if (query.from() != null) {
            all.add(Criteria.where("at").gte(at(query.from())));
        }
        if (query.to() != null) {
            all.add(Criteria.where("at").lt(at(query.to())));
        }
        if (query.after() != null) {
            String at = at(query.after().occurredAt());
            all.add(new Criteria().orOperator(Criteria.where("at").lt(at),
                    Criteria.where("at").is(at).and("_id").lt(query.after().entryId())));
        }
        Query find = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))).limit(query.limit() + 1);
        List<FeedEntry> found = mongo.find(find, FeedEntry.class);
        boolean more = found.size() > query.limit();
        List<FeedEntry> page = more ? found.subList(0, query.limit()) : found;
        Set<String> ids = new HashSet<>();
        page.forEach(e -> ids.addAll(e.organizationIds));
        Map<String, String> names = organizations.names(ids);
        List<ActivityEntry> entries = page.stream().map(e -> entry(e, names, publicSubjects)).toList();
        return new ActivityPage(entries, more ? ActivityCursor.after(entries.get(entries.size() - 1)).encode() : null);
    }

    private Criteria readableBy(ActivityViewer viewer, Set<String> publicSubjects) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("audience").is(Audience.PUBLIC.name()));
        if (!publicSubjects.isEmpty()) {
            any.add(Criteria.where("publicWith").in(publicSubjects));
        }
        if (viewer.member()) {
            any.add(Criteria.where("audience").is(Audience.MEMBERS.name()));
            Set<String> mine = new LinkedHashSet<>();
            if (viewer.memberOrganizationId() != null) {
                mine.addAll(subcommittees.subcommitteesOf(viewer.memberOrganizationId()));
            }
            if (viewer.chairedSubcommittee() != null) {
                mine.add(viewer.chairedSubcommittee());
            }
            if (!mine.isEmpty()) {
                any.add(Criteria.where("audience").is(Audience.SUBCOMMITTEE.name()).and("subcommitteeId").in(mine));
            }
        }
        return new Criteria().orOperator(any);
    }

    private static String at(Instant instant) {
        return FeedEntries.AT.format(instant);
    }

    /** The entry as read: everyone's while the subject it follows is public. */
    private static ActivityEntry entry(FeedEntry e, Map<String, String> names, Set<String> publicSubjects) {
        List<ActivityOrganization> concerned = e.organizationIds.stream()
                .map(id -> new ActivityOrganization(id, names.get(id))).toList();
        Audience audience = e.publicWith != null && publicSubjects.contains(e.publicWith) ? Audience.PUBLIC : e.audience;
        return new ActivityEntry(e.id, Instant.parse(e.at), e.kind, Sentence.withNames(e.sentence, e.organizationIds, names),
                concerned, e.subcommitteeId, e.link, audience);
    }
}
