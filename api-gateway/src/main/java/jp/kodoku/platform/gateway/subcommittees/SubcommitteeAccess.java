package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;
import jp.kodoku.platform.subcommittees.api.Visibility;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who may do what with subcommittees (分科会). Anyone reads the list and a subcommittee's public face (title, theme,
 * lead organizations). A chair runs only the subcommittee its token names (role {@code subcommittee-chair}, claim
 * {@code subcommittee_id}); the chair of another one is refused like anyone else. Member admins see the subcommittees
 * their organization belongs to. The secretariat does everything.
 */
@Configuration(proxyBeanMethods = false)
class SubcommitteeAccess {

    static final String CHAIR_ROLE = "subcommittee-chair";
    static final String SUBCOMMITTEE_CLAIM = "subcommittee_id";

    @Bean
    PublicPaths subcommitteesPublicReads() {
        return PublicPaths.get("/api/v1/subcommittees", "/api/v1/subcommittees/*");
    }

    /**
     * Reads whose answer depends on the data: public minutes, deliverables and their files, and the decision trail are
     * anyone's; members-only ones are refused inside the handler ({@link #requireReader}: 401 without a token).
     */
    @Bean
    PublicPaths subcommitteesPublicRecords() {
        return PublicPaths.get("/api/v1/subcommittees/*/decision-trail", "/api/v1/subcommittees/*/deliverables",
                "/api/v1/subcommittees/*/deliverables/*", "/api/v1/subcommittees/*/deliverables/*/files/*",
                "/api/v1/subcommittees/*/meetings/*/minutes", "/api/v1/subcommittees/*/public-meetings",
                "/api/v1/subcommittees/*/meetings/*/agenda/*/files/*");
    }

    /** After the security filters, on requests and their error dispatches (the 403 page's header reads the role too). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<ChairSessionCheck> chairSessionCheckRegistration(
            ChairSessionCheck check) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(check);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** Anyone for what is public; the subcommittee's insiders for what is its members' only. */
    static void requireReader(SubcommitteeDetails subcommittee, Visibility visibility) {
        if (visibility != Visibility.PUBLIC) {
            requireInsider(subcommittee);
        }
    }

    /** Whether the caller is one of the subcommittee's insiders (its member admins, its chair, the secretariat). */
    static boolean isInsider(SubcommitteeDetails subcommittee) {
        Caller caller = Caller.current();
        return caller.isSecretariat() || chairs(caller, subcommittee.summary().id())
                || (caller.roles().contains(Caller.MEMBER_ADMIN) && caller.organizationId() != null
                    && subcommittee.hasMember(caller.organizationId()));
    }

    /** Whether the caller runs the subcommittee (its chair or the secretariat), without refusing. */
    static boolean runs(String subcommitteeId) {
        Caller caller = Caller.current();
        return caller.isSecretariat() || chairs(caller, subcommitteeId);
    }

    /** The secretariat, or the chair of this subcommittee. */
    static Caller requireRuns(String subcommitteeId) {
        Caller caller = Caller.current();
        if (!caller.isSecretariat() && !chairs(caller, subcommitteeId)) {
            throw new AccessDeniedException("only the secretariat (事務局) or this subcommittee's chair (座長) may do this");
        }
        return caller;
    }

    /** The secretariat, its chair, or a member admin of a member organization. */
    static Caller requireInsider(SubcommitteeDetails subcommittee) {
        Caller caller = Caller.current();
        if (!isInsider(subcommittee)) {
            throw new AccessDeniedException("only the subcommittee's members, its chair and the secretariat may see this");
        }
        return caller;
    }

    /** Whether the caller may see a subcommittee's inside, without refusing (for choices inside a handler). */
    static boolean chairs(Caller caller, String subcommitteeId) {
        return caller.roles().contains(CHAIR_ROLE) && subcommitteeId.equals(claim(SUBCOMMITTEE_CLAIM));
    }

    /** The subcommittee a chair's token names, or null for anyone else. */
    static String chairedBy(Caller caller) {
        return caller.roles().contains(CHAIR_ROLE) ? claim(SUBCOMMITTEE_CLAIM) : null;
    }

    private static String claim(String name) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString(name);
        }
        // a web session: SignIn copied the claim from the access token taken at sign-in
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken signedIn
                && signedIn.getPrincipal() instanceof OidcUser user) {
            return user.getAttribute(name);
        }
        return null;
    }
}
