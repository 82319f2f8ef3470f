package jp.kodoku.platform.gateway.membership;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.StaleVersion;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.ListOrganizations;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationPage;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.RejectMembershipApplication;
import jp.kodoku.platform.membership.api.SendBackMembershipApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The secretariat's pages for applications: the queue by state, one organization's full record, and the decisions
 * (approve, reject, send back: a reason is required for the last two, as in the API). Every decision carries the
 * version the page was read at; one taken meanwhile by a colleague shows the stale-version message, never a double
 * decision.
 */
@PageController
class SecretariatPages {

    private static final int PAGE_SIZE = 50;
    private static final int REASON_MAX = 2000;

    private final Queries queries;
    private final Commands commands;
    private final CsvExportsController csv;

    private final Labels labels;

    SecretariatPages(Queries queries, Commands commands, CsvExportsController csv, Labels labels) {
        this.labels = labels;
        this.queries = queries;
        this.commands = commands;
        this.csv = csv;
    }

    /** Members (or organizations in any state) with a text filter, and the same list as CSV for Excel. */
    @GetMapping("/secretariat/members")
    String members(@RequestParam(defaultValue = "ACTIVE") OrganizationStatus status,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                   HttpServletResponse response, Model model) {
        Access.requireSecretariat();
        String text = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statusOptions", java.util.Arrays.stream(OrganizationStatus.values())
                .map(s -> new jp.kodoku.platform.gateway.pages.Option(s.name(), labels.message("status." + s.name()))).toList());
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("members.title"))));
        if (text != null && text.length() > 100) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.of(List.of(new FieldViolation("q", "100文字以内で入力してください"))));
            model.addAttribute("items", List.of());
            return "membership/secretariat-members";
        }
        OrganizationPage page = queries.one(new ListOrganizations(Set.of(status), text, cursor, PAGE_SIZE),
                OrganizationPage.class);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("items", page.items());
        var here = org.springframework.web.util.UriComponentsBuilder.fromPath("/secretariat/members")
                                                                  .queryParam("status", status);
        if (text != null) {
            here.queryParam("q", text);
        }
        model.addAttribute("firstUrl", cursor == null ? null : here.encode().build().toUriString());
        model.addAttribute("nextUrl", page.nextCursor() == null ? null
                : here.cloneBuilder().queryParam("cursor", page.nextCursor()).encode().build().toUriString());
        var csvUrl = org.springframework.web.util.UriComponentsBuilder.fromPath("/secretariat/members.csv")
                                                                    .queryParam("status", status);
        if (text != null) {
            csvUrl.queryParam("q", text);
        }
        model.addAttribute("csvUrl", csvUrl.encode().build().toUriString());
        return "membership/secretariat-members";
    }

    /** The API's CSV export, served to the signed-in secretariat's session (a link cannot carry a bearer token). */
    @GetMapping("/secretariat/members.csv")
    org.springframework.http.ResponseEntity<byte[]> membersCsv(@RequestParam(required = false) Set<OrganizationStatus> status,
                                                               @RequestParam(required = false) String q) {
        Access.requireSecretariat();
        return csv.members(status, q, false);
    }

    @GetMapping("/secretariat/applications")
    String queue(@RequestParam(defaultValue = "APPLIED") OrganizationStatus status,
                 @RequestParam(required = false) String cursor, Model model) {
        Access.requireSecretariat();
        OrganizationPage page = queries.one(new ListOrganizations(Set.of(status), null, cursor, PAGE_SIZE),
                OrganizationPage.class);
        model.addAttribute("status", status);
        model.addAttribute("statusLabel", labels.message("status." + status.name()));
        model.addAttribute("statusOptions", java.util.stream.Stream.of(OrganizationStatus.APPLIED,
                OrganizationStatus.RETURNED_FOR_CHANGES, OrganizationStatus.REJECTED)
                .map(s -> new jp.kodoku.platform.gateway.pages.Option(s.name(), labels.message("status." + s.name()))).toList());
        model.addAttribute("items", page.items());
        model.addAttribute("nextUrl", page.nextCursor() == null ? null
                : "/secretariat/applications?status=" + status + "&cursor=" + java.net.URLEncoder.encode(
                page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("firstUrl", cursor == null ? null : "/secretariat/applications?status=" + status);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("applications.title"))));
        return "membership/secretariat-applications";
    }

    @GetMapping("/secretariat/organizations/{id}")
    String organization(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        return page(model, find(id), FormErrors.NONE);
    }

    @PostMapping("/secretariat/organizations/{id}/approval")
    String approve(@PathVariable String id, @RequestParam long version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        return decide(id, model, response, redirect, labels.message("applications.approved"),
                () -> new ApproveMembershipApplication(new OrganizationId(id), version, joinedOn));
    }

    @PostMapping("/secretariat/organizations/{id}/rejection")
    String reject(@PathVariable String id, @RequestParam long version, @RequestParam(required = false) String reason,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        return decide(id, model, response, redirect, labels.message("applications.rejected"),
                () -> new RejectMembershipApplication(new OrganizationId(id), version, required("reason", reason)));
    }

    @PostMapping("/secretariat/organizations/{id}/send-back")
    String sendBack(@PathVariable String id, @RequestParam long version, @RequestParam(required = false) String comment,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        return decide(id, model, response, redirect, labels.message("applications.returned"),
                () -> new SendBackMembershipApplication(new OrganizationId(id), version, required("comment", comment)));
    }

    private String decide(String id, Model model, HttpServletResponse response, RedirectAttributes redirect,
                          String done, java.util.function.Supplier<Object> command) {
        try {
            commands.send(command.get());
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, find(id), FormErrors.of(e.violations()));
        } catch (StaleVersion e) {
            response.setStatus(412);
            model.addAttribute("stale", true);
            return page(model, find(id), FormErrors.NONE);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/secretariat/organizations/" + id;
    }

    /** A reason the applicant or the record will read: required, as the API's {@code Reason} is. */
    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(List.of(new FieldViolation(field, "理由を入力してください")));
        }
        if (value.length() > REASON_MAX) {
            throw new InvalidInput(List.of(new FieldViolation(field, REASON_MAX + "文字以内で入力してください")));
        }
        return value;
    }

    private OrganizationDetails find(String id) {
        return queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                      .orElseThrow(() -> new NotFound("no organization with this id"));
    }

    private String page(Model model, OrganizationDetails details, FormErrors errors) {
        model.addAttribute("organization", details);
        model.addAttribute("statusLabel", labels.message("status." + details.status().name()));
        model.addAttribute("prefectures", details.profile().prefectureCodes().stream()
                                                 .map(c -> Prefecture.ofCode(c).map(labels::of).orElse(c)).toList());
        model.addAttribute("deciding", details.status() == OrganizationStatus.APPLIED);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("applications.title"), "/secretariat/applications"),
                Crumb.here(details.profile().name())));
        return "membership/secretariat-organization";
    }
}
