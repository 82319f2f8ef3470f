package jp.kodoku.platform.gateway.clients;

import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.clients.registration.ApiClientRules;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

/**
 * CORS for the origins that active API clients registered, and for no other: a page from such an origin may call the
 * API (the preflight is answered and the origin echoed), any other origin gets no CORS headers, so the browser keeps
 * the response from it. No credentials (cookies): calls carry a bearer token.
 */
class ApiClientCors implements CorsConfigurationSource {

    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, "Idempotency-Key", "X-Correlation-Id");
    /** Retry-After too, so that a page can honour a 429. */
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, "X-Correlation-Id",
            HttpHeaders.RETRY_AFTER);
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private final ApiClientRegistry registry;

    ApiClientCors(ApiClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (origin == null || !path.startsWith("/api/")) {
            return null;
        }
        String normalized = ApiClientRules.normalizeOrigin(origin);
        if (normalized == null || !registry.allowsOrigin(normalized)) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(origin));
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(ALLOWED_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(600L);
        return cors;
    }
}
