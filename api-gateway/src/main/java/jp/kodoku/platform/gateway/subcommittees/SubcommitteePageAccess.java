package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subcommittee pages: which need no sign-in, and their entries in the header's navigation. */
@Configuration(proxyBeanMethods = false)
class SubcommitteePageAccess {

    /**
     * The list, a subcommittee's public face, its decision trail and deliverables, a meeting's minutes and agenda files
     * (public ones for anyone: the pages refuse members-only ones themselves); meetings, polls and members need sign-in.
     */
    @Bean
    PublicPages subcommitteePublicPages() {
        return PublicPages.get("/subcommittees", "/subcommittees/*", "/subcommittees/*/decision-trail",
                "/subcommittees/*/deliverables/*", "/subcommittees/*/deliverables/*/files/*",
                // public minutes and a public meeting's agenda files (ADR 0042); the pages refuse the rest themselves
                "/subcommittees/*/meetings/*/minutes", "/subcommittees/*/meetings/*/agenda/*/files/*");
    }

    @Bean
    PageLink subcommitteesLink() {
        return PageLink.forEveryone("分科会", "/subcommittees", 25);
    }

    @Bean
    PageLink ownSubcommitteesLink() {
        return PageLink.forRole(Caller.MEMBER_ADMIN, "参加している分科会", "/my-organization/subcommittees", 38);
    }

    @Bean
    PageLink chairedSubcommitteeLink() {
        return PageLink.forRole(SubcommitteeAccess.CHAIR_ROLE, "担当の分科会（座長）", "/my-subcommittee", 60);
    }

    @Bean
    PageLink subcommitteesAdministrationLink() {
        return PageLink.forRole(Caller.SECRETARIAT, "分科会の管理", "/secretariat/subcommittees", 55);
    }
}
