package jp.kodoku.platform.gateway.security;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that needs the verified token: {@link SecurityConfiguration} puts every bean of this type in the security
 * chain right after bearer authentication. A module contributes one for checks on every call with a token (API
 * clients: revoked clients, rate limits, scopes). Keep it out of the servlet container's own chain, where it would run
 * before authentication and see no token (a disabled {@code FilterRegistrationBean}).
 */
public abstract class AfterTokenFilter extends OncePerRequestFilter {
}
