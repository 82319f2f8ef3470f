package jp.kodoku.platform.gateway.newsletter;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import jp.kodoku.platform.newsletter.api.UnsubscribeChannel;
import jp.kodoku.platform.newsletter.api.UnsubscribeWithToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page an issue's footer links to for unsubscribing, without signing in (the token is the credential). Opening
 * it changes nothing (mail scanners open links); one press of its button does. Mail clients use the one-click POST of
 * the List-Unsubscribe header instead (NewsletterSubscriptionsController).
 */
@PageController
class UnsubscribePages {

    private final Commands commands;

    UnsubscribePages(Commands commands) {
        this.commands = commands;
    }

    @GetMapping("/newsletter/unsubscribe/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", NewsletterSubscriptionsController.token(token));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジンの配信停止")));
        return "newsletter/unsubscribe";
    }

    @PostMapping("/newsletter/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        commands.send(new UnsubscribeWithToken(NewsletterSubscriptionsController.token(token), UnsubscribeChannel.LINK),
                SubscriptionId.class);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジンの配信停止の完了")));
        return "newsletter/unsubscribed";
    }

    /** Open to anyone: the token in the path is the credential. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PublicPages newsletterUnsubscribePage() {
            return PublicPages.get("/newsletter/unsubscribe/*");
        }

        @Bean
        PublicPages newsletterUnsubscribeForm() {
            return PublicPages.post("/newsletter/unsubscribe/*");
        }
    }
}
