package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.CancelMemberRegistration;
import jp.kodoku.platform.events.api.EventId;
import jp.kodoku.platform.events.api.ListOrganizationRegistrations;
import jp.kodoku.platform.events.api.RegistrationId;
import jp.kodoku.platform.events.api.RegistrationSummary;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member organization's registrations for its staff, soonest event first: status, waitlist position, why a
 * registration came off the waitlist, the online URL of the confirmed ones, and cancelling (or leaving the waitlist).
 * Its own member admins and the secretariat, as the API's {@code /organizations/{id}/event-registrations}.
 */
@PageController
class MemberRegistrationPages {

    private final Queries queries;
    private final Commands commands;

    MemberRegistrationPages(Queries queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /** A member admin's own organization, from the token: the header's link. */
    @GetMapping("/my-organization/event-registrations")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/event-registrations";
    }

    @GetMapping("/organizations/{id}/event-registrations")
    String list(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        model.addAttribute("organizationId", id);
        model.addAttribute("registrations", queries.list(new ListOrganizationRegistrations(new OrganizationId(id)),
                RegistrationSummary.class));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("イベント", "/events"), Crumb.here("イベントの申込み")));
        return "events/member-registrations";
    }

    @PostMapping("/organizations/{id}/event-registrations/{eventId}/{registrationId}/cancel")
    String cancel(@PathVariable String id, @PathVariable String eventId, @PathVariable String registrationId,
                  RedirectAttributes redirect) {
        Access.requireActsFor(id);
        commands.send(new CancelMemberRegistration(new EventId(eventId), new RegistrationId(registrationId),
                new OrganizationId(id)));
        redirect.addFlashAttribute("flash", "お申込みをキャンセルしました。反映まで数秒かかることがあります。");
        return "redirect:/organizations/" + id + "/event-registrations";
    }
}
