package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.ListOrganizations;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationPage;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secretariat's pages for subcommittees (事務局): set one up, close it, its lead organizations (担当幹事団体) and
 * its chairs (座長: appointing gives the account the role and the claim in Keycloak, ADR 0022).
 */
@PageController
class SubcommitteeSecretariatPages {

    /** Active members offered as lead organizations; the platform has about a hundred. */
    private static final int ORGANIZATIONS_SHOWN = 500;

    private final SubcommitteeReads reads;
    private final Queries queries;
    private final Commands commands;

    SubcommitteeSecretariatPages(SubcommitteeReads reads, Queries queries, Commands commands) {
        this.reads = reads;
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/secretariat/subcommittees")
    String list(Model model) {
        Access.requireSecretariat();
        return listPage(model, new NewSubcommitteeForm(null, null, null, List.of()), FormErrors.NONE);
    }

    @PostMapping("/secretariat/subcommittees")
    String create(@RequestParam(required = false) String number, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String theme,
                  @RequestParam(required = false) List<String> leadOrganizations, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        NewSubcommitteeForm form = new NewSubcommitteeForm(number, title, theme,
                leadOrganizations == null ? List.of() : leadOrganizations);
        SubcommitteeId id;
        try {
            int n = parseNumber(number);
            id = SubcommitteeId.ofNumber(n);
            commands.send(new CreateSubcommittee(id, n, title, theme, organizations(form.leadOrganizationIds())));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return listPage(model, form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", "分科会" + number + "を設置しました。");
        return "redirect:/secretariat/subcommittees/" + id.value();
    }

    @GetMapping("/secretariat/subcommittees/{id}")
    String one(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        return page(model, reads.subcommittee(id), null, FormErrors.NONE, Map.of());
    }

    @PostMapping("/secretariat/subcommittees/{id}/lead-organizations")
    String leads(@PathVariable String id, @RequestParam(required = false) Long version,
                 @RequestParam(required = false) List<String> leadOrganizations, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        SubcommitteeDetails details = reads.subcommittee(id);
        try {
            commands.send(new ChangeLeadOrganizations(SubcommitteeReads.sid(id), version,
                    organizations(leadOrganizations == null ? List.of() : leadOrganizations)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, details, "leads", FormErrors.of(e.violations()), Map.of());
        }
        redirect.addFlashAttribute("flash", "担当幹事団体を変更しました。");
        return "redirect:/secretariat/subcommittees/" + id;
    }

    @PostMapping("/secretariat/subcommittees/{id}/chairs")
    String appoint(@PathVariable String id, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String userId, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Access.requireSecretariat();
        SubcommitteeDetails details = reads.subcommittee(id);
        try {
            commands.send(new AppointChair(SubcommitteeReads.sid(id), version, userId == null ? null : userId.strip()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, details, "appoint", FormErrors.of(e.violations()), Map.of("userId", ChairPages.nz(userId)));
        }
        redirect.addFlashAttribute("flash", "座長を任命しました。次回のログインから座長の画面を使えます。");
        return "redirect:/secretariat/subcommittees/" + id;
    }

    @PostMapping("/secretariat/subcommittees/{id}/chairs/{userId}/end")
    String endTerm(@PathVariable String id, @PathVariable String userId, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Access.requireSecretariat();
        SubcommitteeDetails details = reads.subcommittee(id);
        try {
            commands.send(new EndChairTerm(SubcommitteeReads.sid(id), version, userId, reason));
        } catch (InvalidInput e) {
            response.setStatus(400);
            // the reason field of this chair's form: endReason0, endReason1, … in the chairs' order
            int row = details.chairs().stream().map(SubcommitteeDetails.Chair::userId).toList().indexOf(userId);
            return page(model, details, "end-" + userId, FormErrors.of(e.violations().stream()
                            .map(v -> new FieldViolation("endReason" + row, v.message())).toList()),
                    Map.of("endReason", ChairPages.nz(reason)));
        }
        redirect.addFlashAttribute("flash", "座長の任期を終了しました。");
        return "redirect:/secretariat/subcommittees/" + id;
    }

    @PostMapping("/secretariat/subcommittees/{id}/closure")
    String close(@PathVariable String id, @RequestParam(required = false) Long version,
                 @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Access.requireSecretariat();
        SubcommitteeDetails details = reads.subcommittee(id);
        try {
            commands.send(new CloseSubcommittee(SubcommitteeReads.sid(id), version, reason));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, details, "close", FormErrors.of(e.violations(), Map.of("", "close")),
                    Map.of("closeReason", ChairPages.nz(reason)));
        }
        redirect.addFlashAttribute("flash", "分科会を閉会しました。");
        return "redirect:/secretariat/subcommittees/" + id;
    }

    private String listPage(Model model, NewSubcommitteeForm form, FormErrors errors) {
        model.addAttribute("subcommittees", queries.list(new ListSubcommittees(null), SubcommitteeSummary.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organizationOptions", activeOrganizations(List.of()));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("分科会の管理")));
        return "subcommittees/secretariat-list";
    }

    private String page(Model model, SubcommitteeDetails details, String failedForm, FormErrors errors,
                        Map<String, String> typed) {
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("details", details);
        model.addAttribute("leadIds", details.summary().leadOrganizations().stream().map(OrganizationRef::id).toList());
        model.addAttribute("organizationOptions", activeOrganizations(details.summary().leadOrganizations()));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会の管理", "/secretariat/subcommittees"),
                Crumb.here(SubcommitteePages.name(details.summary()))));
        return "subcommittees/secretariat-subcommittee";
    }

    /** Active members by reading, and the current leads even if no longer listed (so unticking one is possible). */
    private List<Option> activeOrganizations(List<OrganizationRef> current) {
        Map<String, String> byId = new LinkedHashMap<>();
        current.forEach(o -> byId.put(o.id(), o.name()));
        OrganizationPage page = queries.one(new ListOrganizations(Set.of(OrganizationStatus.ACTIVE), null, null,
                ORGANIZATIONS_SHOWN), OrganizationPage.class);
        page.items().forEach(o -> byId.putIfAbsent(o.organizationId(), o.name()));
        List<Option> options = new ArrayList<>();
        byId.forEach((id, name) -> options.add(new Option(id, name)));
        return options;
    }

    private static int parseNumber(String number) {
        try {
            return Integer.parseInt(number == null ? "" : number.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSubcommitteeInput("number", "番号は1から999までの数字で入力してください");
        }
    }

    private static List<OrganizationId> organizations(List<String> ids) {
        return ids.stream().filter(s -> !s.isBlank()).map(OrganizationId::new).toList();
    }

    record NewSubcommitteeForm(String number, String title, String theme, List<String> leadOrganizationIds) {
    }
}
