package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.eventstore.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organizations stay loaded between commands: a profile update or an approval then appends its event without reading
 * the organization's history first (measured in docs/performance.md). Ten thousand is far above the several hundred
 * organizations of the platform, and bounds memory if that ever changes.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationCache {

    static final String NAME = "memberOrganizationCache";

    @Bean(NAME)
    Cache memberOrganizationCache() {
        return new AggregateCache(10_000);
    }
}
