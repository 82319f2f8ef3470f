package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events pages: which need no sign-in, and their entries in the header's navigation. */
@Configuration(proxyBeanMethods = false)
class EventPageAccess {

    /** The calendar, an event's page and the registrant's page behind the mailed link (the link is the credential). */
    @Bean
    PublicPages eventsPublicPages() {
        return PublicPages.get("/events", "/events/*", "/events/*/registrations/confirm");
    }

    /** The public's registration form, and confirming or cancelling with the mailed link's token. */
    @Bean
    PublicPages eventsPublicForms() {
        return PublicPages.post("/events/*/public-registrations", "/events/*/registrations/confirm",
                "/events/*/registrations/cancel");
    }

    @Bean
    PageLink eventsLink() {
        return PageLink.forEveryone("イベント", "/events", 30);
    }

    @Bean
    PageLink memberRegistrationsLink() {
        return PageLink.forRole(Caller.MEMBER_ADMIN, "イベントの申込み", "/my-organization/event-registrations", 75);
    }

    @Bean
    PageLink eventEditorLink() {
        return PageLink.forRole(Caller.SECRETARIAT, "イベント管理", "/secretariat/events", 85);
    }
}
