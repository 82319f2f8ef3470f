package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.clients.ApiClientCallFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
 * {@code realm_access.roles}. Public without a token: directory and statistics reads, and membership applications.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
                            AccessDeniedHandler problemAccessDenied,
                            ApiClientCallFilter apiClientCalls) throws Exception {
        http.csrf(csrf -> csrf.disable())
            // the bean "corsConfigurationSource": the origins registered by active API clients (gateway.clients)
            .cors(Customizer.withDefaults())
            // revoked clients' tokens, per-client rate limits and scopes, once the token is known
            .addFilterAfter(apiClientCalls, BearerTokenAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                    .requestMatchers(HttpMethod.GET, "/api/v1/directory", "/api/v1/directory/**",
                            "/api/v1/statistics/**", "/api/v1/applications/access/**").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/applications").permitAll()
                    .requestMatchers(HttpMethod.PUT, "/api/v1/applications/access/**").permitAll()
                    .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                            "/actuator/health/**", "/error").permitAll()
                    .anyRequest().authenticated())
            .oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                    .authenticationEntryPoint(problemEntryPoint)
                    .accessDeniedHandler(problemAccessDenied))
            .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied))
            .headers(h -> h.contentTypeOptions(Customizer.withDefaults()));
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
