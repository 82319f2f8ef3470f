package jp.kodoku.platform.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Puts who is calling (user name, or the client id of a third-party app; "anonymous" without a token) into the log
 * context next to the correlation id, so that every log line of a request says whose request it was. Runs in the
 * security chain right after the token is verified: before that there is no principal to name.
 */
class PrincipalLogContext extends AfterTokenFilter {

    static final String KEY = "principal";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(KEY, Caller.current().principal());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        PrincipalLogContext principalLogContext() {
            return new PrincipalLogContext();
        }

        /** Only in the security chain (see AfterTokenFilter), not in the servlet container's own. */
        @Bean
        FilterRegistrationBean<PrincipalLogContext> principalLogContextOnlyInTheSecurityChain(PrincipalLogContext filter) {
            FilterRegistrationBean<PrincipalLogContext> registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }
}
