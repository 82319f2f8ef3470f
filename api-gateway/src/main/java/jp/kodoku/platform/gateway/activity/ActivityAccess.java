package jp.kodoku.platform.gateway.activity;

import jp.kodoku.platform.activity.api.ActivityViewer;
import jp.kodoku.platform.gateway.feedtokens.FeedOwner;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activity feed is public: without a token it answers with public entries, and a token widens what the caller
 * reads (a member admin: members-only entries and its subcommittees'; a chair: its subcommittee's; the secretariat:
 * everything). A third-party app reads with the scope {@code feed:read} (ApiScopes) and, having no role, reads what
 * the public reads.
 */
@Configuration(proxyBeanMethods = false)
class ActivityAccess {

    @Bean
    PublicPaths activityPublicReads() {
        return PublicPaths.get("/api/v1/feed", "/api/v1/feed.atom", "/api/v1/feed.json");
    }

    /** A personal feed's token is its credential (gateway.feedtokens): feed readers send no sign-in. */
    @Bean
    PublicPaths personalActivityFeeds() {
        return PublicPaths.get("/api/v1/feed/personal/*");
    }

    /** Who reads now, from the token or the web sign-in only. */
    static ActivityViewer viewerOfCaller() {
        return viewerOf(FeedOwner.current());
    }

    /**
     * Who reads: the roles a view depends on, the organization and the chaired subcommittee, as a feed token's owner
     * keeps them too (so a personal feed reads as its owner does signed in).
     */
    static ActivityViewer viewerOf(FeedOwner owner) {
        if (owner.isSecretariat()) {
            return ActivityViewer.secretariatStaff();
        }
        String organization = owner.roles().contains(Caller.MEMBER_ADMIN) ? owner.organizationId() : null;
        String chaired = owner.roles().contains(FeedOwner.CHAIR) ? owner.subcommitteeId() : null;
        return new ActivityViewer(false, organization, chaired);
    }
}
