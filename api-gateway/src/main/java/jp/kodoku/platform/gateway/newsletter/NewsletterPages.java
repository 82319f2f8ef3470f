package jp.kodoku.platform.gateway.newsletter;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.newsletter.api.ConfirmSubscription;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the confirmation mail links to. Opening the link confirms nothing (mail scanners open links): the page
 * asks for one press of a button, whose POST confirms.
 */
@PageController
class NewsletterPages {

    private final Commands commands;

    NewsletterPages(Commands commands) {
        this.commands = commands;
    }

    @GetMapping("/newsletter/subscriptions/{id}/confirm")
    String confirmation(@PathVariable String id, @RequestParam(required = false) String token, Model model,
                        HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("subscriptionId", NewsletterSubscriptionsController.subscription(id).value());
        model.addAttribute("token", NewsletterSubscriptionsController.token(token));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジン配信登録の確認")));
        return "newsletter/confirm";
    }

    @PostMapping("/newsletter/subscriptions/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(required = false) String token, Model model,
                   HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        commands.send(new ConfirmSubscription(NewsletterSubscriptionsController.subscription(id),
                NewsletterSubscriptionsController.token(token)));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジン配信登録の完了")));
        return "newsletter/confirmed";
    }
}
