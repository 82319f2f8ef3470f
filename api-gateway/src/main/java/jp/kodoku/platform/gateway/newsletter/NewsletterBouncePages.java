package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.newsletter.api.BouncedAddress;
import jp.kodoku.platform.newsletter.api.LiftSuspension;
import jp.kodoku.platform.newsletter.api.ListBouncedAddresses;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's page of addresses that bounce (ADR 0048): each with whether its newsletter is suspended, the
 * report that suspended it and its latest bounces, and a button that lifts a suspension once the address is fixed.
 * The same query and command as {@code /api/v1/newsletter/bounces}.
 */
@PageController
class NewsletterBouncePages {

    static final String BOUNCES = NewsletterSecretariatPages.ISSUES + "/bounces";

    private final Commands commands;
    private final Queries queries;

    NewsletterBouncePages(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping(BOUNCES)
    String bounces(Model model) {
        Access.requireSecretariat();
        model.addAttribute("addresses", queries.list(new ListBouncedAddresses(), BouncedAddress.class));
        return "newsletter/secretariat-bounces";
    }

    @PostMapping(BOUNCES + "/{id}/lifting")
    String lift(@PathVariable String id, RedirectAttributes redirect) {
        Access.requireSecretariat();
        commands.send(new LiftSuspension(NewsletterSubscriptionsController.subscription(id)));
        redirect.addFlashAttribute("flash", "配信停止を解除しました。次の号から届きます。反映まで数秒かかることがあります。");
        return "redirect:" + BOUNCES;
    }
}
