package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistryFeed;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class ApiClientsConfiguration {

    /**
     * Every node follows the API-client events into its own registry: the processor's position lives in memory (so
     * no node claims it from another, and each replays from the start when it boots) and it writes nothing to the
     * database, so it needs no transaction.
     */
    @Bean
    ConfigurerModule apiClientRegistryOnEveryNode() {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(ApiClientRegistryFeed.PROCESSING_GROUP, axon -> new InMemoryTokenStore())
                .registerTransactionManager(ApiClientRegistryFeed.PROCESSING_GROUP, axon -> NoTransactionManager.INSTANCE);
    }

    /** The name Spring Security's {@code cors()} looks for. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(ApiClientRegistry registry) {
        return new ApiClientCors(registry);
    }

    /**
     * Spring Boot would also put every Filter bean in the servlet container's chain, where it runs before
     * authentication and sees no token; it belongs in the security chain only (see SecurityConfiguration).
     */
    @Bean
    FilterRegistrationBean<ApiClientCallFilter> apiClientCallFilterOnlyInTheSecurityChain(ApiClientCallFilter filter) {
        FilterRegistrationBean<ApiClientCallFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
