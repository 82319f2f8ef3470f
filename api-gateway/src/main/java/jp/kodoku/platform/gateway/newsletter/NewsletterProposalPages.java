package jp.kodoku.platform.gateway.newsletter;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;

/**
 * Items proposed for the newsletter, as pages: a member admin proposes for its own organization and follows each
 * proposal's state (with the secretariat's reason, and both texts when the secretariat edited it); the secretariat's
 * queue and, per proposal, its decision: accept into a draft issue (as written or edited), defer or reject with a
 * reason. The same commands and queries as the API.
 */
@PageController
class NewsletterProposalPages {

    static final String MINE = "/my-organization/newsletter-proposals";
    static final String QUEUE = "/secretariat/newsletter/proposals";

    private final Commands commands;
    private final Queries queries;
    private final NewsletterProposalsController proposals;

    NewsletterProposalPages(Commands commands, Queries queries, NewsletterProposalsController proposals) {
        this.commands = commands;
        this.queries = queries;
        this.proposals = proposals;
    }

    /** What the member admin writes. */
    record ProposalForm(String kind, String title, String body, String link) {

        static final ProposalForm EMPTY = new ProposalForm(null, null, null, null);

        ItemContent content() {
            return new ItemContent(title, body, link, false);
        }
    }

    // ---- the member admin's ---------------------------------------------------------------------------------------

    @GetMapping(MINE)
    String mine(Model model) {
        return mine(model, ProposalForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(MINE)
    String propose(@ModelAttribute ProposalForm form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        OrganizationId organization = ownOrganization();
        try {
            commands.send(new ProposeItem(ItemProposalId.random(), organization, kind(form.kind()), form.content()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return mine(model, form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", "掲載を依頼しました。事務局が確認します。反映まで数秒かかることがあります。");
        return "redirect:" + MINE;
    }

    private String mine(Model model, ProposalForm form, FormErrors errors) {
        OrganizationId organization = ownOrganization();
        model.addAttribute("proposals", queries.list(new ListProposals(organization, Set.of()), ProposalDetails.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", kinds());
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジンへの掲載依頼")));
        return "newsletter/my-proposals";
    }

    /** A member admin proposes for the organization of its token; the secretariat writes items into issues itself. */
    private static OrganizationId ownOrganization() {
        Caller caller = Caller.current();
        if (!caller.roles().contains(Caller.MEMBER_ADMIN) || caller.organizationId() == null) {
            throw new AccessDeniedException("only a member organization's admin proposes items");
        }
        return new OrganizationId(caller.organizationId());
    }

    // ---- the secretariat's ----------------------------------------------------------------------------------------

    @GetMapping(QUEUE)
    String queue(@RequestParam(required = false) Boolean all, Model model) {
        Access.requireSecretariat();
        Set<ProposalStatus> shown = Boolean.TRUE.equals(all) ? Set.of() : Set.of(ProposalStatus.PROPOSED, ProposalStatus.DEFERRED);
        model.addAttribute("proposals", queries.list(new ListProposals(null, shown), ProposalDetails.class));
        model.addAttribute("all", Boolean.TRUE.equals(all));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("メールマガジン管理", NewsletterSecretariatPages.ISSUES),
                Crumb.here("掲載依頼")));
        return "newsletter/proposal-queue";
    }

    @GetMapping(QUEUE + "/{id}")
    String decision(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        ProposalDetails proposal = proposals.find(NewsletterProposalsController.proposal(id));
        return decision(model, proposal, new ProposalForm(proposal.kind().name(), proposal.proposed().title(),
                proposal.proposed().body(), proposal.proposed().link()), FormErrors.NONE);
    }

    @PostMapping(QUEUE + "/{id}/acceptance")
    String accept(@PathVariable String id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String issueId, @ModelAttribute ProposalForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        ItemProposalId proposalId = NewsletterProposalsController.proposal(id);
        ProposalDetails proposal = proposals.find(proposalId);
        // unchanged text is taken as proposed, so that "edited" means the secretariat changed something
        ItemContent edited = form.content().equals(new ItemContent(proposal.proposed().title(), proposal.proposed().body(),
                proposal.proposed().link(), false)) ? null : form.content();
        try {
            commands.send(new AcceptProposal(proposalId, version,
                    issueId == null || issueId.isBlank() ? null : new IssueId(issueId), edited));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return decision(model, proposal, form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", "号に掲載しました。反映まで数秒かかることがあります。");
        return "redirect:" + QUEUE;
    }

    @PostMapping(QUEUE + "/{id}/deferral")
    String defer(@PathVariable String id, @RequestParam(required = false) Long version,
                 @RequestParam(required = false) String deferReason, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Access.requireSecretariat();
        ItemProposalId proposalId = NewsletterProposalsController.proposal(id);
        return decide(proposalId, new DeferProposal(proposalId, version, deferReason), "deferReason",
                "掲載を見送り、後の号で検討することにしました。", model, response, redirect);
    }

    @PostMapping(QUEUE + "/{id}/rejection")
    String reject(@PathVariable String id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String rejectReason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        ItemProposalId proposalId = NewsletterProposalsController.proposal(id);
        return decide(proposalId, new RejectProposal(proposalId, version, rejectReason), "rejectReason",
                "掲載しないことにしました。理由は依頼した団体に表示されます。", model, response, redirect);
    }

    /** A deferral or rejection: a missing reason is shown at the reason of that form. */
    private String decide(ItemProposalId id, Object command, String field, String done, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        try {
            commands.send(command);
        } catch (InvalidInput e) {
            return reasonMissing(model, response, id, e, field);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:" + QUEUE;
    }

    private String reasonMissing(Model model, HttpServletResponse response, ItemProposalId id, InvalidInput e,
                                 String field) {
        response.setStatus(400);
        ProposalDetails proposal = proposals.find(id);
        return decision(model, proposal, new ProposalForm(proposal.kind().name(), proposal.proposed().title(),
                proposal.proposed().body(), proposal.proposed().link()), FormErrors.of(e.violations().stream()
                .map(v -> new FieldViolation(v.field().equals("reason") ? field : v.field(), v.message())).toList()));
    }

    private String decision(Model model, ProposalDetails proposal, ProposalForm form, FormErrors errors) {
        model.addAttribute("proposal", proposal);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("drafts", queries.list(new ListIssues(Set.of(IssueStatus.DRAFT)), IssueSummary.class).stream()
                                            .map(i -> new Option(i.issueId().value(), i.subject())).toList());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("メールマガジン管理", NewsletterSecretariatPages.ISSUES),
                Crumb.to("掲載依頼", QUEUE), Crumb.here(proposal.proposed().title())));
        return "newsletter/proposal-decision";
    }

    static List<Option> kinds() {
        return Option.of(ProposalKind.values(), ProposalKind::japanese);
    }

    private static ProposalKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ProposalKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidNewsletterInput("kind", "must be ACTIVITY_REPORT, SUPPORT_INFORMATION or EVENT");
        }
    }
}
