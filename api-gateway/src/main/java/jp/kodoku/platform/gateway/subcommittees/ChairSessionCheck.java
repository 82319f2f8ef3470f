package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.subcommittees.api.FindSubcommittee;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A chair's web session is a chair's only while the subcommittee's read model lists the account among its chairs
 * (ADR 0042). The session keeps the role and the {@code subcommittee_id} claim it was signed in with until it ends
 * (ADR 0039); on every request of a session carrying them, the subcommittee's chairs are read again, and a chair whose
 * term has ended is answered, for this request, as the same person without the chair's role: the chair's pages, its
 * actions and the header's link are gone at once. The session itself is left alone (the next request checks again),
 * so a chair appointed anew is one again as soon as the read model says so.
 *
 * <p>Bearer tokens are not checked here: Keycloak takes the role and the claim away when the term ends (ADR 0022), so
 * an API token keeps them at most for its few minutes of life, and API clients do not wait for the read model.
 */
@Component
class ChairSessionCheck extends OncePerRequestFilter {

    private static final String CHAIR_AUTHORITY = "ROLE_" + SubcommitteeAccess.CHAIR_ROLE;

    private final Queries queries;

    ChairSessionCheck(Queries queries) {
        this.queries = queries;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken signedIn
                && signedIn.getPrincipal() instanceof OidcUser user
                && signedIn.getAuthorities().stream().anyMatch(a -> CHAIR_AUTHORITY.equals(a.getAuthority()))
                && !stillChairs(user)) {
            List<GrantedAuthority> rest = signedIn.getAuthorities().stream()
                                                  .filter(a -> !CHAIR_AUTHORITY.equals(a.getAuthority()))
                                                  .map(a -> (GrantedAuthority) a).toList();
            OidcUser withoutChair = new DefaultOidcUser(rest, user.getIdToken(), user.getUserInfo(), "preferred_username");
            // a new context for this request only: the one in the session is not changed (nor saved)
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new OAuth2AuthenticationToken(withoutChair, rest,
                    signedIn.getAuthorizedClientRegistrationId()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The error page of a refused request (403) is rendered in an error dispatch: its header must not show the chair's link. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    /** Whether the subcommittee the session names still lists this account (the token's subject) as a chair. */
    private boolean stillChairs(OidcUser user) {
        String subcommittee = user.getAttribute(SubcommitteeAccess.SUBCOMMITTEE_CLAIM);
        if (subcommittee == null || !subcommittee.matches("bunkakai-[1-9][0-9]{0,2}")) {
            return false;
        }
        return queries.optional(new FindSubcommittee(new SubcommitteeId(subcommittee)), SubcommitteeDetails.class)
                      .map(d -> d.chairs().stream().anyMatch(c -> c.userId().equals(user.getSubject())))
                      .orElse(false);
    }
}
