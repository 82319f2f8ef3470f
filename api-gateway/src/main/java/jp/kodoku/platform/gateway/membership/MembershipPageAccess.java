package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.pages.PublicPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Membership's pages: which need no sign-in, and their entries in the header's navigation. */
@Configuration(proxyBeanMethods = false)
class MembershipPageAccess {

    @Bean
    PublicPages membershipPublicPages() {
        return PublicPages.get("/", "/directory", "/directory/*", "/statistics");
    }

    @Bean
    PageLink directoryLink() {
        return PageLink.forEveryone("会員を探す", "/directory", 10);
    }

    @Bean
    PageLink statisticsLink() {
        return PageLink.forEveryone("会員数の推移", "/statistics", 20);
    }
}
