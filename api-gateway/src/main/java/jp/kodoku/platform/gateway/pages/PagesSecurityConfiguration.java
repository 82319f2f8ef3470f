package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.net.URI;
import java.util.List;

/**
 * The security of the web pages, a filter chain of its own beside the API's: the API stays a stateless resource
 * server with bearer tokens and no CSRF (its chain is untouched), pages get a session (Spring Session JDBC, shared by
 * every node), OpenID Connect sign-in, CSRF tokens on every form and a Content-Security-Policy.
 *
 * <p>Every page needs a signed-in person unless a module declares it public with a {@link PublicPages} bean; which
 * organization a person may act for is checked in the page controllers, with the API's own {@code Access} rules.
 */
@Configuration(proxyBeanMethods = false)
public class PagesSecurityConfiguration {

    /** What the pages' own static files, sign-in and error pages need without signing in. */
    @Bean
    PublicPages platformPublicPages() {
        return new PublicPages(null, List.of("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                "/sign-in-failed", "/language/*"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pagesChain(HttpSecurity http, List<PublicPages> publicPages, ClientRegistrationRepository registrations,
                              OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
                              @Value("${platform.security.issuer-uri}") String issuer) throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");

        http.securityMatcher(PagesSecurityConfiguration::isPage)
            .authorizeHttpRequests(auth -> {
                for (PublicPages open : publicPages) {
                    auth.requestMatchers(open.method(), open.patterns().toArray(String[]::new)).permitAll();
                }
                auth.anyRequest().authenticated();
            })
            .oauth2Login(login -> login
                    // one identity provider: "sign in" goes straight to Keycloak's login page
                    .loginPage(SignIn.SIGN_IN_PATH)
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(authorizationRequests))
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUsers))
                    .failureUrl("/sign-in-failed"))
            .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(endKeycloakSession))
            // CSRF: Spring Security's default (a token in the session, required on every POST, PUT, PATCH, DELETE)
            .headers(h -> h
                    .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // 403 (a page of another organization, a form without its CSRF token): the servlet container's error page,
        // which Boot renders from templates/error/403.html
        return http.build();
    }

    /**
     * No inline script or style at all (htmx is told not to add its indicator style), so no nonce is needed. Forms
     * may post to Keycloak's origin: signing out redirects there after the form's POST, which form-action governs.
     */
    static String contentSecurityPolicy(String issuer) {
        URI keycloak = URI.create(issuer);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloakOrigin;
    }

    /**
     * Every path that is not the API's: pages, sign-in, static files. The error dispatch of a request counts as what
     * that request was, so a page's 404 is a page and an API call's stays a problem document.
     */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
            path = original.substring(Math.min(original.length(), request.getContextPath().length()));
        }
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui") || path.equals("/readyz") || path.equals("/livez")
                || path.startsWith("/actuator"));
    }
}
