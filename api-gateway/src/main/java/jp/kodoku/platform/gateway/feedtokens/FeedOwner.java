package jp.kodoku.platform.gateway.feedtokens;

import jp.kodoku.platform.gateway.security.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whose view a feed token serves: the person who made it, with the roles and claims their sign-in had then (only the
 * ones a view depends on). A feed is read without a session, so this is all the feed knows of its reader.
 *
 * @param subcommitteeId the subcommittee a chair chairs (claim {@code subcommittee_id}), or null
 */
public record FeedOwner(String principal, Set<String> roles, String organizationId, String subcommitteeId) {

    /** The roles a view depends on; others are not kept. */
    static final Set<String> VIEW_ROLES = Set.of(Caller.SECRETARIAT, Caller.MEMBER_ADMIN, FeedOwner.CHAIR);
    public static final String CHAIR = "subcommittee-chair";
    private static final String SUBCOMMITTEE_CLAIM = "subcommittee_id";

    public FeedOwner {
        roles = Set.copyOf(roles);
    }

    /** The signed-in caller as a feed's owner. */
    public static FeedOwner current() {
        Caller caller = Caller.current();
        Set<String> roles = new TreeSet<>(caller.roles());
        roles.retainAll(VIEW_ROLES);
        return new FeedOwner(caller.principal(), roles, caller.organizationId(),
                roles.contains(CHAIR) ? subcommitteeClaim() : null);
    }

    /** The owner as the caller the feed's queries are asked for. */
    public Caller asCaller() {
        return new Caller(principal, roles, organizationId);
    }

    public boolean isSecretariat() {
        return roles.contains(Caller.SECRETARIAT);
    }

    public boolean chairs(String subcommittee) {
        return roles.contains(CHAIR) && subcommittee.equals(subcommitteeId);
    }

    private static String subcommitteeClaim() {
        Object auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString(SUBCOMMITTEE_CLAIM);
        }
        if (auth instanceof OAuth2AuthenticationToken signedIn && signedIn.getPrincipal() instanceof OidcUser user) {
            return user.getAttribute(SUBCOMMITTEE_CLAIM);
        }
        return null;
    }
}
