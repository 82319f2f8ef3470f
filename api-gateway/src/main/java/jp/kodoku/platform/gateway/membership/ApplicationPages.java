package jp.kodoku.platform.gateway.membership;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.ratelimit.ApplicationRateLimiter;
import jp.kodoku.platform.gateway.web.SecretLinks;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.FindApplicationByAccessToken;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.membership.api.ResubmitMembershipApplication;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The membership application for organizations without an account, and the applicant's status page behind the
 * private link (a capability, as in the API: whoever holds the link follows and resubmits the application). The same
 * commands, rules and rate limit per client address as {@code ApplicationsController}.
 */
@PageController
class ApplicationPages {

    /** The bylaws (会則) in force, which the applicant agrees to by ticking the box. */
    static final String BYLAWS_VERSION = "2022-02";
    /** The contact's fields are contactName, contactEmail, … on the form; the rules name them primaryContact.… */
    private static final java.util.Map<String, String> CONTACT_FIELDS = java.util.Map.of("primaryContact.", "contact");

    private final Commands commands;
    private final Queries queries;
    private final ApplicationRateLimiter rateLimiter;
    private final SecureRandom random = new SecureRandom();
    private final MembershipOptions options;
    private final Labels labels;

    ApplicationPages(Commands commands, Queries queries, ApplicationRateLimiter rateLimiter, MembershipOptions options,
                     Labels labels) {
        this.options = options;
        this.labels = labels;
        this.commands = commands;
        this.queries = queries;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/apply")
    String form(Model model) {
        return form(model, ApplicationForm.empty(), FormErrors.NONE, null);
    }

    @PostMapping("/apply")
    String submit(@ModelAttribute ApplicationForm form, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        rateLimiter.acquire(request.getRemoteAddr());
        String token = newToken();
        try {
            if (!form.agreed()) {
                throw new InvalidInput("bylawsAgreed", "会則への同意が必要です");
            }
            commands.send(new SubmitMembershipApplication(OrganizationId.random(), form.profile(), form.category(),
                    form.contact(), BYLAWS_VERSION, SecretLinks.hash(token)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(e.violations(), CONTACT_FIELDS), null);
        }
        // shown once, on the next page only: the flash attribute leaves the session with that request
        redirect.addFlashAttribute("privateLink", "/applications/" + token);
        return "redirect:/apply/received";
    }

    @GetMapping("/apply/received")
    String received(Model model) {
        if (!model.containsAttribute("privateLink")) {
            return "redirect:/apply";
        }
        model.addAttribute("privateUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path((String) model.getAttribute("privateLink")).toUriString());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("apply.title"), "/apply"),
                Crumb.here(labels.message("applied.title"))));
        return "membership/applied";
    }

    @GetMapping("/applications/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        OrganizationDetails details = find(token);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("record", details);
        model.addAttribute("statusLabel", labels.message("status." + details.status().name()));
        model.addAttribute("token", token);
        if (details.status() == OrganizationStatus.RETURNED_FOR_CHANGES) {
            return form(model, ApplicationForm.of(details), FormErrors.NONE, details);
        }
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("status.title"))));
        return "membership/application-status";
    }

    @PostMapping("/applications/{token}")
    String resubmit(@PathVariable String token, @ModelAttribute ApplicationForm form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        OrganizationDetails details = find(token);
        response.setHeader("Cache-Control", "no-store");
        try {
            commands.send(new ResubmitMembershipApplication(new OrganizationId(details.organizationId()), form.profile(),
                    form.category(), form.contact()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("record", details);
            model.addAttribute("statusLabel", labels.message("status." + details.status().name()));
            model.addAttribute("token", token);
            return form(model, form, FormErrors.of(e.violations(), CONTACT_FIELDS), details);
        }
        redirect.addFlashAttribute("flash", labels.message("status.resubmitted"));
        return "redirect:/applications/" + token;
    }

    private OrganizationDetails find(String token) {
        Optional<OrganizationDetails> found = token.length() > 100 ? Optional.empty() : queries.optional(
                new FindApplicationByAccessToken(SecretLinks.hash(token)), OrganizationDetails.class);
        return found.orElseThrow(() -> new NotFound("no application behind this link"));
    }

    private String form(Model model, ApplicationForm form, FormErrors errors, OrganizationDetails resubmitting) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("resubmitting", resubmitting != null);
        MembershipOptions.Choices choices = options.current();
        model.addAttribute("legalFormOptions", choices.legalForm());
        model.addAttribute("categoryOptions", choices.category());
        model.addAttribute("bodyTypeOptions", choices.bodyType());
        model.addAttribute("prefectureOptions", choices.prefecture());
        model.addAttribute("fieldOptions", choices.field());
        model.addAttribute("targetGroupOptions", choices.targetGroup());
        model.addAttribute("capabilityOptions", choices.capability());
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message(resubmitting != null ? "apply.resubmit.title"
                : "apply.title"))));
        return "membership/apply";
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The application form as sent; enum fields by name, lists by the chosen values. */
    record ApplicationForm(String name, String nameKana, String legalForm, String corporateNumber, String bodyType,
                           Boolean nationwide, List<String> prefectureCodes, List<String> fieldsOfActivity,
                           List<String> targetGroups, List<String> consultationCapabilities, String website,
                           String publicDescription, Boolean consentToPublish, String requestedCategory,
                           String contactName, String contactEmail, String contactPhone, String contactDepartment,
                           Boolean bylawsAgreed) {

        ApplicationForm {
            prefectureCodes = prefectureCodes == null ? List.of() : List.copyOf(prefectureCodes);
            fieldsOfActivity = fieldsOfActivity == null ? List.of() : List.copyOf(fieldsOfActivity);
            targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
            consultationCapabilities = consultationCapabilities == null ? List.of() : List.copyOf(consultationCapabilities);
        }

        static ApplicationForm empty() {
            return new ApplicationForm(null, null, null, null, null, false, null, null, null, null, null, null, false,
                    null, null, null, null, null, false);
        }

        static ApplicationForm of(OrganizationDetails details) {
            OrganizationProfile p = details.profile();
            ContactView contact = details.contacts().stream().filter(ContactView::primary).findFirst().orElse(null);
            return new ApplicationForm(p.name(), p.nameKana(), p.legalForm() == null ? null : p.legalForm().name(),
                    p.corporateNumber(), p.bodyType() == null ? null : p.bodyType().name(), p.nationwide(),
                    List.copyOf(p.prefectureCodes()), p.fieldsOfActivity().stream().map(Enum::name).toList(),
                    p.targetGroups().stream().map(Enum::name).toList(),
                    p.consultationCapabilities().stream().map(Enum::name).toList(), p.website(), p.publicDescription(),
                    p.consentToPublish(), details.category() == null ? null : details.category().name(),
                    contact == null ? null : contact.name(), contact == null ? null : contact.email(),
                    contact == null ? null : contact.phone(), contact == null ? null : contact.department(), true);
        }

        /** Public: templates call it, as the two below (SpEL finds only public methods). */
        public boolean isNationwide() {
            return Boolean.TRUE.equals(nationwide);
        }

        public boolean isConsentToPublish() {
            return Boolean.TRUE.equals(consentToPublish);
        }

        public boolean agreed() {
            return Boolean.TRUE.equals(bylawsAgreed);
        }

        OrganizationProfile profile() {
            List<FieldViolation> violations = new ArrayList<>();
            OrganizationProfile profile = new OrganizationProfile(text(name), text(nameKana),
                    one("legalForm", legalForm, LegalForm::valueOf, violations), blankToNull(corporateNumber),
                    one("bodyType", bodyType, BodyType::valueOf, violations), isNationwide(),
                    new LinkedHashSet<>(prefectureCodes),
                    many("fieldsOfActivity", fieldsOfActivity, FieldOfActivity::valueOf, violations),
                    many("targetGroups", targetGroups, TargetGroup::valueOf, violations),
                    many("consultationCapabilities", consultationCapabilities, ConsultationCapability::valueOf, violations),
                    blankToNull(website), blankToNull(publicDescription), isConsentToPublish());
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            return profile;
        }

        MemberCategory category() {
            List<FieldViolation> violations = new ArrayList<>();
            MemberCategory category = one("requestedCategory", requestedCategory, MemberCategory::valueOf, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            return category;
        }

        ContactDetails contact() {
            return new ContactDetails(text(contactName), text(contactEmail), text(contactPhone),
                    blankToNull(contactDepartment));
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        private static <E> E one(String field, String name, Function<String, E> parse, List<FieldViolation> violations) {
            if (name == null || name.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(name);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(field, "選べない値です: " + name));
                return null;
            }
        }

        private static <E> Set<E> many(String field, List<String> names, Function<String, E> parse,
                                       List<FieldViolation> violations) {
            Set<E> values = new LinkedHashSet<>();
            for (String name : names) {
                E value = one(field, name, parse, violations);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
    }
}
