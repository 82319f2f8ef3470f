package jp.kodoku.platform.gateway.membership;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.InviteMemberAdmin;
import jp.kodoku.platform.membership.api.ListMemberAdmins;
import jp.kodoku.platform.membership.api.MemberAdmin;
import jp.kodoku.platform.membership.api.MemberAdminInvitation;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.RemoveMemberAdmin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The accounts that act for an organization (団体管理者): its admins list, invite and remove one another, as through
 * the API's {@code /organizations/{id}/admins} (same query, read live from the identity provider, and same commands).
 * The version travels in the forms as the API's If-Match does; removing asks first, on a page of its own.
 */
@PageController
class AdminPages {

    private final Queries queries;
    private final Commands commands;

    private final Labels labels;

    AdminPages(Queries queries, Commands commands, Labels labels) {
        this.labels = labels;
        this.queries = queries;
        this.commands = commands;
    }

    /** A member admin's own organization, from the token: the header's link. */
    @GetMapping("/my-organization/admins")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/admins";
    }

    @GetMapping("/organizations/{id}/admins")
    String list(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        return page(model, current(id), new InvitationForm(null, "", ""), FormErrors.NONE);
    }

    @PostMapping("/organizations/{id}/admins")
    String invite(@PathVariable String id, @ModelAttribute InvitationForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireActsFor(id);
        MemberAdminInvitation invitation;
        try {
            invitation = commands.send(new InviteMemberAdmin(new OrganizationId(id), form.version(), form.name(),
                    form.email()), MemberAdminInvitation.class);
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, current(id), form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", labels.message(!invitation.created() ? "admins.invited.existing"
                : invitation.invitationSent() ? "admins.invited" : "admins.invited.noMail"));
        return "redirect:/organizations/" + id + "/admins";
    }

    @GetMapping("/organizations/{id}/admins/{userId}/removal")
    String confirmRemoval(@PathVariable String id, @PathVariable String userId, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails organization = current(id);
        model.addAttribute("organization", organization);
        model.addAttribute("admin", admin(id, userId));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("admins.title"), "/organizations/" + id + "/admins"),
                Crumb.here(labels.message("admin.removal"))));
        return "membership/admin-removal";
    }

    @PostMapping("/organizations/{id}/admins/{userId}/removal")
    String remove(@PathVariable String id, @PathVariable String userId, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        Access.requireActsFor(id);
        admin(id, userId);
        commands.send(new RemoveMemberAdmin(new OrganizationId(id), version, userId));
        redirect.addFlashAttribute("flash", labels.message("admins.removed"));
        return "redirect:/organizations/" + id + "/admins";
    }

    private OrganizationDetails current(String id) {
        return queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                      .orElseThrow(() -> new NotFound("no organization with this id"));
    }

    private List<MemberAdmin> admins(String id) {
        return queries.list(new ListMemberAdmins(new OrganizationId(id)), MemberAdmin.class);
    }

    /** An account acting for this organization: the API's check, so no other account is ever named here. */
    private MemberAdmin admin(String id, String userId) {
        return admins(id).stream().filter(a -> a.id().equals(userId)).findFirst()
                         .orElseThrow(() -> new NotFound("no admin " + userId + " acts for this organization"));
    }

    private String page(Model model, OrganizationDetails organization, InvitationForm form, FormErrors errors) {
        model.addAttribute("organization", organization);
        model.addAttribute("admins", admins(organization.organizationId()));
        model.addAttribute("form", form.version() == null ? form.at(organization.version()) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("admins.title"))));
        return "membership/admins";
    }

    /** The invitation as sent; the command's rules check name and address. */
    record InvitationForm(Long version, String name, String email) {

        InvitationForm at(long newVersion) {
            return new InvitationForm(newVersion, name, email);
        }
    }
}
