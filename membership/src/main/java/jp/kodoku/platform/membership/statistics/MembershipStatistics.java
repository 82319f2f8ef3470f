package jp.kodoku.platform.membership.statistics;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Members per category as of a date" (the figure the platform publishes, e.g. 371 = 234 + 114 + 23 on 2022-12-01),
 * computed from effective dates in the history rather than from a counter, so any past date can be asked.
 */
@Component
@ProcessingGroup("statistics")
class MembershipStatistics {

    private final MongoTemplate mongo;
    private final VersionedDocuments<MembershipPeriod> periods;

    MembershipStatistics(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.periods = batches.versioned(MembershipPeriod.class, MembershipPeriod::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(MembershipPeriod.class);
    }

    @EventHandler
    void on(MembershipApplicationApproved e, @SequenceNumber long seq) {
        apply(e.organizationId(), seq, p -> {
            p.joinedOn = e.joinedOn().toString();
            p.categories.add(new MembershipPeriod.CategorySince(e.category(), p.joinedOn));
        });
    }

    @EventHandler
    void on(MemberCategoryChanged e, @SequenceNumber long seq) {
        apply(e.organizationId(), seq, p -> {
            p.categories.add(new MembershipPeriod.CategorySince(e.to(), e.effectiveDate().toString()));
            p.categories.sort(Comparator.comparing(MembershipPeriod.CategorySince::since));
        });
    }

    @EventHandler
    void on(MemberWithdrawn e, @SequenceNumber long seq) {
        apply(e.organizationId(), seq, p -> p.withdrawnOn = e.effectiveDate().toString());
    }

    @QueryHandler
    MemberCounts handle(CountMembersByCategory query) {
        String date = query.asOf().toString();
        Map<MemberCategory, Integer> counts = new EnumMap<>(MemberCategory.class);
        for (MemberCategory c : MemberCategory.values()) {
            counts.put(c, 0);
        }
        Query joinedByThen = Query.query(Criteria.where("joinedOn").lte(date));
        for (MembershipPeriod period : mongo.find(joinedByThen, MembershipPeriod.class)) {
            MemberCategory category = period.categoryOn(date);
            if (category != null) {
                counts.merge(category, 1, Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new MemberCounts(query.asOf(), counts, total);
    }

    private void apply(OrganizationId id, long seq, Consumer<MembershipPeriod> change) {
        periods.upsert(id.value(), seq, change);
    }
}
