package jp.kodoku.platform.gateway.webhooks;

import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.List;

/**
 * Webhooks' access: the catalogue of event types is public; subscriptions belong to the API client that made them,
 * and only a third-party app's own token (role {@code api-client}, client-credentials grant) manages them. Its id,
 * organization and scopes come from the token, never from the request.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksAccess {

    static final String API_CLIENT_ROLE = "api-client";

    @Bean
    PublicPaths webhookEventTypesPublic() {
        return PublicPaths.get("/api/v1/webhook-event-types");
    }

    /** The app calling, or 403 for anyone else (people, the secretariat included: they manage apps, not hooks). */
    static App requireApp() {
        Caller caller = Caller.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!caller.roles().contains(API_CLIENT_ROLE) || !(auth instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("only a third-party app (API client) manages its webhook subscriptions");
        }
        Jwt jwt = token.getToken();
        String clientId = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp")
                                                               : jwt.getClaimAsString("client_id");
        if (clientId == null) {
            throw new AccessDeniedException("the token names no client");
        }
        String scope = jwt.getClaimAsString("scope");
        List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList();
        return new App(clientId, caller.organizationId(), scopes);
    }

    record App(String clientId, String organizationId, List<String> scopes) {
    }
}
