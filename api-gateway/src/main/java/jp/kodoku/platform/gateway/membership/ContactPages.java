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
import jp.kodoku.platform.membership.api.AddContact;
import jp.kodoku.platform.membership.api.ChangeContact;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.MembershipRuleViolation;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.RemoveContact;
import jp.kodoku.platform.newsletter.api.BouncingContact;
import jp.kodoku.platform.newsletter.api.ListBouncingContacts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.stream.Collectors;

/**
 * A member admin keeps its organization's contact persons (the secretariat may keep any organization's): the same
 * commands as the API's {@code /organizations/{id}/contacts}, with the same rules. Contacts are personal data: only
 * those who act for the organization see them. The version the page was read at travels in every form as the API's
 * If-Match does; a change made meanwhile by someone else answers with the stale-version page (412) instead of being
 * overwritten. Removing asks first, on a page of its own, as a removal cannot be undone.
 */
@PageController
class ContactPages {

    private final Queries queries;
    private final Commands commands;

    private final Labels labels;

    ContactPages(Queries queries, Commands commands, Labels labels) {
        this.labels = labels;
        this.queries = queries;
        this.commands = commands;
    }

    /** A member admin's own organization, from the token: the header's link. */
    @GetMapping("/my-organization/contacts")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/contacts";
    }

    @GetMapping("/organizations/{id}/contacts")
    String list(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        model.addAttribute("organization", current(id));
        // the newsletter's bounce reports, so the admin can fix an address mail no longer reaches (ADR 0048)
        model.addAttribute("bouncing", queries.list(new ListBouncingContacts(new OrganizationId(id)),
                BouncingContact.class).stream().collect(Collectors.toMap(b -> b.contactId().value(), b -> b)));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("contacts.title"))));
        return "membership/contacts";
    }

    @GetMapping("/organizations/{id}/contacts/new")
    String newContact(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails organization = current(id);
        return form(model, organization, null, ContactForm.empty(organization.version()), FormErrors.NONE);
    }

    @PostMapping("/organizations/{id}/contacts")
    String add(@PathVariable String id, @ModelAttribute ContactForm form, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Access.requireActsFor(id);
        try {
            commands.send(new AddContact(new OrganizationId(id), form.version(), ContactId.random(), form.details()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, current(id), null, form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", labels.message("contacts.added"));
        return "redirect:/organizations/" + id + "/contacts";
    }

    @GetMapping("/organizations/{id}/contacts/{contactId}")
    String edit(@PathVariable String id, @PathVariable String contactId, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails organization = current(id);
        ContactView contact = contact(organization, contactId);
        return form(model, organization, contact, ContactForm.of(organization.version(), contact), FormErrors.NONE);
    }

    @PostMapping("/organizations/{id}/contacts/{contactId}")
    String change(@PathVariable String id, @PathVariable String contactId, @ModelAttribute ContactForm form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireActsFor(id);
        try {
            commands.send(new ChangeContact(new OrganizationId(id), form.version(), new ContactId(contactId),
                    form.details()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            OrganizationDetails organization = current(id);
            return form(model, organization, contact(organization, contactId), form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", labels.message("contacts.saved"));
        return "redirect:/organizations/" + id + "/contacts";
    }

    @GetMapping("/organizations/{id}/contacts/{contactId}/removal")
    String confirmRemoval(@PathVariable String id, @PathVariable String contactId, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails organization = current(id);
        ContactView contact = contact(organization, contactId);
        if (contact.primary()) {
            // the command refuses it too; saying so before asking spares a confirmation that cannot succeed
            throw new MembershipRuleViolation("主担当の方は削除できません。先に別の担当者を主担当にしてください。");
        }
        model.addAttribute("organization", organization);
        model.addAttribute("contact", contact);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("contacts.title"), "/organizations/" + id + "/contacts"),
                Crumb.here(labels.message("contact.removal"))));
        return "membership/contact-removal";
    }

    @PostMapping("/organizations/{id}/contacts/{contactId}/removal")
    String remove(@PathVariable String id, @PathVariable String contactId, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        Access.requireActsFor(id);
        commands.send(new RemoveContact(new OrganizationId(id), version, new ContactId(contactId)));
        redirect.addFlashAttribute("flash", labels.message("contacts.removed"));
        return "redirect:/organizations/" + id + "/contacts";
    }

    private OrganizationDetails current(String id) {
        return queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                      .orElseThrow(() -> new NotFound("no organization with this id"));
    }

    /**
     * A contact of this organization that still holds its data: an erased one has nothing left to edit (or erase:
     * MembershipActionPages).
     */
    static ContactView contact(OrganizationDetails organization, String contactId) {
        return organization.contacts().stream()
                           .filter(c -> c.contactId().equals(contactId) && !c.erased())
                           .findFirst().orElseThrow(() -> new NotFound("no contact with this id"));
    }

    private String form(Model model, OrganizationDetails organization, ContactView contact, ContactForm form,
                        FormErrors errors) {
        String heading = labels.message(contact == null ? "contact.new" : "contact.edit");
        model.addAttribute("organization", organization);
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("heading", heading);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("contacts.title"), "/organizations/" + organization.organizationId()
                + "/contacts"), Crumb.here(heading)));
        return "membership/contact-form";
    }

    /** The contact form as sent; the command's rules normalize and check the text. */
    record ContactForm(Long version, String name, String email, String phone, String department) {

        static ContactForm empty(long version) {
            return new ContactForm(version, "", "", "", "");
        }

        static ContactForm of(long version, ContactView c) {
            return new ContactForm(version, c.name(), c.email(), c.phone(), c.department());
        }

        ContactDetails details() {
            return new ContactDetails(name, email, phone, department);
        }
    }
}
