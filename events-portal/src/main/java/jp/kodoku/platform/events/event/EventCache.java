package jp.kodoku.platform.events.event;

import jp.kodoku.platform.infra.eventstore.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events stay loaded between commands: a popular event takes hundreds of registrations in minutes, and each would
 * otherwise read the event's whole history first. Each use is checked against the event store, so another node's
 * registrations are never overlooked ({@link AggregateCache}).
 */
@Configuration(proxyBeanMethods = false)
class EventCache {

    static final String NAME = "portalEventCache";

    @Bean(NAME)
    Cache portalEventCache(ObjectProvider<EventStore> eventStore) {
        return new AggregateCache(2_000, id -> eventStore.getObject().lastSequenceNumberFor(id));
    }
}
