package jp.kodoku.platform.gateway.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.clients.api.ApiScopes;
import jp.kodoku.platform.gateway.clients.registration.ApiClientRules;
import jp.kodoku.platform.gateway.clients.registration.ClientCredentials;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import jp.kodoku.platform.gateway.security.AfterTokenFilter;
import jp.kodoku.platform.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs in the security filter chain right after the bearer token was checked, for calls made with a token:
 * <ol>
 *   <li>a token of a revoked client is refused (401), whatever the endpoint. Access tokens are self-contained JWTs
 *       that stay valid until they expire, so disabling the client in Keycloak alone would leave them working for
 *       minutes;</li>
 *   <li>a third-party app's call (realm role {@code api-client}) counts against its rate limit (429 with
 *       Retry-After); people's tokens are not limited here;</li>
 *   <li>an app's read of a scoped resource needs the scope in its token (403), see {@link ApiScopes}. A call
 *       without a token is not affected: the public reads stay public, but a token, once presented, is honoured or
 *       refused as a whole.</li>
 * </ol>
 * Put in the security chain by {@code SecurityConfiguration} (an {@link AfterTokenFilter}); kept out of the servlet container's own chain by
 * {@link ApiClientsConfiguration}, because before authentication it would see no token.
 */
@Component
public class ApiClientCallFilter extends AfterTokenFilter {

    static final String ROLE = "ROLE_" + ClientCredentials.ROLE;

    private final ApiClientRegistry registry;
    private final ApiClientRateLimiter limiter;
    private final AuthenticationEntryPoint unauthorized;
    private final AccessDeniedHandler forbidden;
    private final ObjectMapper json;

    ApiClientCallFilter(ApiClientRegistry registry, ApiClientRateLimiter limiter, AuthenticationEntryPoint problemEntryPoint,
                        AccessDeniedHandler problemAccessDenied, ObjectMapper json) {
        this.registry = registry;
        this.limiter = limiter;
        this.unauthorized = problemEntryPoint;
        this.forbidden = problemAccessDenied;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        Jwt jwt = token.getToken();
        String clientId = clientId(jwt);
        if (clientId != null && registry.isRevoked(clientId)) {
            SecurityContextHolder.clearContext();
            unauthorized.commence(request, response,
                    new InvalidBearerTokenException("the API client " + clientId + " was revoked"));
            return;
        }
        boolean app = clientId != null && token.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()));
        if (!app) {
            chain.doFilter(request, response);
            return;
        }
        int rate = registry.find(clientId).map(ApiClientRegistry.Entry::ratePerMinute)
                           .orElse(ApiClientRules.DEFAULT_RATE_PER_MINUTE);
        OptionalLong wait = limiter.acquire(clientId, rate);
        if (wait.isPresent()) {
            tooManyRequests(request, response, rate, wait.getAsLong());
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> needed = ApiScopes.requiredFor(request.getMethod(), path);
        if (needed.isPresent() && !scopes(jwt).contains(needed.get())) {
            forbidden.handle(request, response, new AccessDeniedException(
                    "this client's token does not have the scope " + needed.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Keycloak names the client a token was issued to in {@code azp}; {@code client_id} is the standard name. */
    static String clientId(Jwt jwt) {
        String azp = jwt.getClaimAsString("azp");
        return azp != null ? azp : jwt.getClaimAsString("client_id");
    }

    private static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null ? Set.of() : Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty())
                                                .collect(Collectors.toUnmodifiableSet());
    }

    private void tooManyRequests(HttpServletRequest request, HttpServletResponse response, int rate, long wait)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "this client may make " + rate + " calls per minute; try again in " + wait + " seconds");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        Problems.write(json, response, problem);
    }
}
