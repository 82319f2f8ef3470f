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
        return PublicPages.get("/", "/directory", "/directory/*", "/statistics", "/apply", "/apply/received",
                "/applications/*");
    }

    /** Applicants have no account: the form and the private link (a capability) are open to anyone holding it. */
    @Bean
    PublicPages membershipApplicationForms() {
        return PublicPages.post("/apply", "/applications/*");
    }

    @Bean
    PageLink directoryLink() {
        return PageLink.forEveryone("会員を探す", "/directory", 10);
    }

    @Bean
    PageLink statisticsLink() {
        return PageLink.forEveryone("会員数の推移", "/statistics", 20);
    }

    @Bean
    PageLink applicationsQueueLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.SECRETARIAT, "入会申込み",
                "/secretariat/applications", 40);
    }

    @Bean
    PageLink memberListLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.SECRETARIAT, "会員一覧",
                "/secretariat/members", 50);
    }

    @Bean
    PageLink ownOrganizationLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.MEMBER_ADMIN, "団体情報の編集",
                "/my-organization", 30);
    }

    @Bean
    PageLink ownContactsLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.MEMBER_ADMIN, "担当者",
                "/my-organization/contacts", 32);
    }

    @Bean
    PageLink ownProfileHistoryLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.MEMBER_ADMIN, "変更履歴",
                "/my-organization/history", 34);
    }

    @Bean
    PageLink ownAdminsLink() {
        return PageLink.forRole(jp.kodoku.platform.gateway.security.Caller.MEMBER_ADMIN, "管理者",
                "/my-organization/admins", 36);
    }
}
