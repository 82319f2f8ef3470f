package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class ApiClientsConfiguration {

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
