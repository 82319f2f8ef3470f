package jp.kodoku.platform.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the token says (the bearer token of an API call, or the access token taken at a web sign-in):
 * never from the request body.
 *
 * @param principal      the user's name (or the client id of a third-party app); "anonymous" without a token
 * @param roles          realm roles from {@code realm_access.roles}
 * @param organizationId the organization a member admin acts for (claim {@code organization_id}), or null
 */
public record Caller(String principal, Set<String> roles, String organizationId) {

    public static final String SECRETARIAT = "secretariat";
    public static final String MEMBER_ADMIN = "member-admin";
    public static final String ORGANIZATION_CLAIM = "organization_id";

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            Set<String> roles = token.getAuthorities().stream()
                                     .map(a -> a.getAuthority())
                                     .filter(a -> a.startsWith("ROLE_"))
                                     .map(a -> a.substring(5))
                                     .collect(Collectors.toUnmodifiableSet());
            return new Caller(token.getName(), roles, jwt.getClaimAsString(ORGANIZATION_CLAIM));
        }
        if (auth instanceof OAuth2AuthenticationToken signedIn && signedIn.getPrincipal() instanceof OidcUser user) {
            // a person signed in on the web pages: roles and organization were taken from the access token at sign-in
            Set<String> roles = signedIn.getAuthorities().stream()
                                        .map(a -> a.getAuthority())
                                        .filter(a -> a.startsWith("ROLE_"))
                                        .map(a -> a.substring(5))
                                        .collect(Collectors.toUnmodifiableSet());
            return new Caller(signedIn.getName(), roles, user.getAttribute(ORGANIZATION_CLAIM));
        }
        return new Caller("anonymous", Set.of(), null);
    }

    public boolean isSecretariat() {
        return roles.contains(SECRETARIAT);
    }

    /** The secretariat acts for every organization; a member admin only for the one in its token. */
    public boolean actsFor(String organization) {
        return isSecretariat() || (roles.contains(MEMBER_ADMIN) && organization.equals(organizationId));
    }
}
