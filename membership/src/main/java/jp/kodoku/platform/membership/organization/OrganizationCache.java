package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.eventstore.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organizations stay loaded between commands: a profile update or an approval then appends its event without reading
 * the organization's history first (measured in docs/performance.md). Ten thousand is far above the several hundred
 * organizations of the platform, and bounds memory if that ever changes. Each use is checked against the event store,
 * so another node's writes are never overlooked ({@link AggregateCache}).
 */
@Configuration(proxyBeanMethods = false)
class OrganizationCache {

    static final String NAME = "memberOrganizationCache";

    @Bean(NAME)
    Cache memberOrganizationCache(ObjectProvider<EventStore> eventStore) {
        // looked up on first use, so the cache does not depend on the order in which Axon configures itself
        return new AggregateCache(10_000, id -> eventStore.getObject().lastSequenceNumberFor(id));
    }
}
