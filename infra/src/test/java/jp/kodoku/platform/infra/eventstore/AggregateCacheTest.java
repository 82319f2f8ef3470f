package jp.kodoku.platform.infra.eventstore;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A cached aggregate is used only while the event store has nothing newer for it (another node may have written). */
class AggregateCacheTest {

    private final Map<String, Long> lastInStore = new ConcurrentHashMap<>();
    private final AggregateCache cache = new AggregateCache(100, id -> Optional.ofNullable(lastInStore.get(id)));

    @Test
    void an_aggregate_cached_at_the_stores_last_sequence_number_is_used() {
        lastInStore.put("org-1", 4L);
        AggregateCacheEntry<Organization> entry = cachedAt("org-1", 4);

        assertThat(cache.<String, Object>get("org-1")).isSameAs(entry);
    }

    @Test
    void an_aggregate_another_node_has_written_to_since_is_dropped_so_its_history_is_read() {
        cachedAt("org-1", 4);
        lastInStore.put("org-1", 5L);

        assertThat(cache.<String, Object>get("org-1")).isNull();
        assertThat(cache.containsKey("org-1")).isFalse();
    }

    @Test
    void an_aggregate_whose_events_are_gone_from_the_store_is_dropped() {
        cachedAt("org-1", 4);

        assertThat(cache.<String, Object>get("org-1")).isNull();
    }

    private AggregateCacheEntry<Organization> cachedAt(String id, long version) {
        Organization organization = new Organization();
        organization.id = id;
        EventSourcedAggregate<Organization> aggregate = EventSourcedAggregate.reconstruct(organization,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Organization.class), version, false, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        AggregateCacheEntry<Organization> entry = new AggregateCacheEntry<>(aggregate);
        cache.put(id, entry);
        return entry;
    }

    static class Organization {
        @AggregateIdentifier
        String id;
    }
}
