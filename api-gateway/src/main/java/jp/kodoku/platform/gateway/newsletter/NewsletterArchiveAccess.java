package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of the newsletter's archive anyone may read without a token (the issues sent to everyone, their Atom feed and
 * pages), and the links to the newsletter's pages in the header. Proposals and the secretariat's pages need a sign-in
 * and check the caller in their controllers.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterArchiveAccess {

    @Bean
    PublicPaths newsletterArchivePublicPaths() {
        return PublicPaths.get("/api/v1/newsletter/archive", "/api/v1/newsletter/archive/*",
                NewsletterArchiveFeed.SELF);
    }

    @Bean
    PublicPages newsletterArchivePublicPages() {
        return PublicPages.get("/newsletter", "/newsletter/issues/*");
    }

    @Bean
    PageLink newsletterArchiveLink() {
        return PageLink.forEveryone("メールマガジン", "/newsletter", 35);
    }

    @Bean
    PageLink newsletterProposalsLink() {
        return PageLink.forRole(Caller.MEMBER_ADMIN, "メルマガへの掲載依頼", NewsletterProposalPages.MINE, 78);
    }

    @Bean
    PageLink newsletterSecretariatLink() {
        return PageLink.forRole(Caller.SECRETARIAT, "メールマガジン管理", NewsletterSecretariatPages.ISSUES, 87);
    }
}
