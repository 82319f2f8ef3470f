package jp.kodoku.platform.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A stateless OAuth2 resource server: JWTs from the configured issuer (Keycloak), roles from
 * {@code realm_access.roles}. Public without a token: what the modules declare as {@link PublicPaths} next to their
 * controllers (e.g. directory reads and membership applications), and the platform's own paths below.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * What the platform itself serves without a token: its API description, the load balancer's readiness and
     * liveness checks, and error pages.
     */
    @Bean
    PublicPaths platformPublicPaths() {
        return PublicPaths.anyMethod("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/readyz", "/livez",
                "/error");
    }

    /**
     * The management port (actuator: health groups, Prometheus metrics) answers without a token: it is bound to the
     * loopback or a private interface that only the operators' network reaches (docs/operations.md). Boot hands this
     * security filter to the management server too, hence a chain that matches only requests arriving there.
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementPort(HttpSecurity http) throws Exception {
        return http.securityMatcher(SecurityConfiguration::onManagementServer)
                   .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                   .csrf(csrf -> csrf.disable())
                   .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                   .build();
    }

    private static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
                            AccessDeniedHandler problemAccessDenied, List<PublicPaths> publicPaths,
                            List<AfterTokenFilter> afterToken) throws Exception {
        http.csrf(csrf -> csrf.disable())
            // the bean "corsConfigurationSource", when a module declares one (API clients: the origins they registered)
            .cors(Customizer.withDefaults())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> {
                for (PublicPaths open : publicPaths) {
                    auth.requestMatchers(open.method(), open.patterns().toArray(String[]::new)).permitAll();
                }
                // only if someone configures the management port to be the API port: metrics are not for the public
                auth.requestMatchers("/actuator/**").hasRole(Caller.SECRETARIAT);
                auth.anyRequest().authenticated();
            })
            .oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                    .authenticationEntryPoint(problemEntryPoint)
                    .accessDeniedHandler(problemAccessDenied))
            .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied))
            .headers(h -> h.contentTypeOptions(Customizer.withDefaults()));
        for (AfterTokenFilter filter : afterToken) {
            http.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /**
     * Signature, expiry, issuer and audience are all checked (once per token: see VerifiedTokens). Keys come from the issuer's JWK set and are cached;
     * a token signed with an unknown key id makes Nimbus fetch the set again, so a key rotation needs no restart.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${platform.security.issuer-uri}") String issuer,
                          @Value("${platform.security.jwk-set-uri}") String jwkSetUri,
                          @Value("${platform.security.audience}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        OAuth2TokenValidator<Jwt> audienceValidator = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for this API (audience " + audience + ")", null));
        // Spring's default tolerates 60 s of clock skew: a fifth of the realm's 5-minute token life. 5 s is plenty
        // between servers kept in time by NTP.
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(issuer), audienceValidator));
        return new VerifiedTokens(decoder, Clock.systemUTC(), CLOCK_SKEW);
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String name = jwt.getClaimAsString("preferred_username");
        if (name == null) {
            name = jwt.getClaimAsString("azp") != null && jwt.getClaimAsString("client_id") != null
                    ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        }
        return new JwtAuthenticationToken(jwt, authorities, name);
    }
}
