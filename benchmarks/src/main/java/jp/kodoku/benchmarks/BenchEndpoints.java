package jp.kodoku.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Added to the platform's context only by the benchmark (this package is outside the application's component scan):
 * the baseline of the read path, a bare endpoint that goes through the same Tomcat, servlet filters and Spring MVC
 * with JSON, but does no security check and no query.
 */
@Configuration(proxyBeanMethods = false)
@Import(BenchEndpoints.Bare.class)
class BenchEndpoints {

    static final String BARE = "/bench/bare";

    /** Ahead of the platform's chain (which has the default, lowest order), for /bench/** only: everything permitted. */
    @Bean
    @Order(0)
    SecurityFilterChain benchmarkEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bench/**")
                   .csrf(csrf -> csrf.disable())
                   .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                   .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                   .build();
    }

    @RestController
    static class Bare {

        private static final Map<String, Object> BODY = Map.of("status", "ok", "items", java.util.List.of(1, 2, 3));

        @GetMapping(BARE)
        Map<String, Object> bare() {
            return BODY;
        }
    }
}
