package jp.kodoku.platform.gateway.activity;

import jp.kodoku.platform.activity.api.ActivityViewer;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The activity feed is public: without a token it answers with public entries, and a token widens what the caller
 * reads (a member admin: members-only entries and its subcommittees'; a chair: its subcommittee's; the secretariat:
 * everything). A third-party app reads with the scope {@code feed:read} (ApiScopes) and, having no role, reads what
 * the public reads.
 */
@Configuration(proxyBeanMethods = false)
class ActivityAccess {

    /** The chair's role and claim as the subcommittees' API reads them (SubcommitteeAccess). */
    private static final String CHAIR_ROLE = "subcommittee-chair";
    private static final String SUBCOMMITTEE_CLAIM = "subcommittee_id";

    @Bean
    PublicPaths activityPublicReads() {
        return PublicPaths.get("/api/v1/feed", "/api/v1/feed.atom", "/api/v1/feed.json");
    }

    /** A personal feed's token is its credential (gateway.feedtokens): feed readers send no sign-in. */
    @Bean
    PublicPaths personalActivityFeeds() {
        return PublicPaths.get("/api/v1/feed/personal/*");
    }

    /** Who reads, from the token only. */
    static ActivityViewer viewerOf(Caller caller) {
        return viewerOf(caller, chairClaim());
    }

    /** Who reads: the caller's roles, its organization and (for a chair) its subcommittee claim. */
    static ActivityViewer viewerOf(Caller caller, String subcommitteeClaim) {
        if (caller.isSecretariat()) {
            return ActivityViewer.secretariatStaff();
        }
        String organization = caller.roles().contains(Caller.MEMBER_ADMIN) ? caller.organizationId() : null;
        String chaired = caller.roles().contains(CHAIR_ROLE) ? subcommitteeClaim : null;
        return new ActivityViewer(false, organization, chaired);
    }

    private static String chairClaim() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString(SUBCOMMITTEE_CLAIM);
        }
        return null;
    }
}
