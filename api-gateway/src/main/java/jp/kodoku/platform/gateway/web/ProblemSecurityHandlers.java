package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;


/** 401 and 403 from the security filters in the same problem shape as the rest of the API. */
@Configuration(proxyBeanMethods = false)
class ProblemSecurityHandlers {

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e); // sets WWW-Authenticate with the reason
            Problems.write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "a valid bearer token from the platform's sign-in (Keycloak) is required"));
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
        return (request, response, e) -> Problems.write(json, response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

}
