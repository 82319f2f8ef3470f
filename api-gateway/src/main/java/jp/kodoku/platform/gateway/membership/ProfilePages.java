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
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.StaleVersion;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.ListProfileHistory;
import jp.kodoku.platform.membership.api.ProfileChange;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.ProfilePatch;
import jp.kodoku.platform.membership.api.TargetGroup;
import jp.kodoku.platform.membership.api.UpdateOrganizationProfile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A member admin edits its organization's profile (the secretariat may edit any). The same command as the API's
 * {@code PATCH /organizations/{id}/profile}, with the same rules; the version the form was read at travels in the form
 * as the API's If-Match does, so an edit made meanwhile by someone else is never overwritten: the person sees which
 * fields the other changed and, beside what is stored now, the changes of their own that sending again re-applies on
 * top of it.
 */
@PageController
class ProfilePages {

    private final Queries queries;
    private final Commands commands;

    private final MembershipOptions options;
    private final Labels labels;

    ProfilePages(Queries queries, Commands commands, MembershipOptions options, Labels labels) {
        this.options = options;
        this.labels = labels;
        this.queries = queries;
        this.commands = commands;
    }

    /** A member admin's own organization, from the token: the header's link. */
    @GetMapping("/my-organization")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/profile";
    }

    @GetMapping("/organizations/{id}/profile")
    String edit(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails details = current(id);
        return form(model, details, ProfileForm.of(details), FormErrors.NONE);
    }

    @PostMapping("/organizations/{id}/profile")
    String save(@PathVariable String id, @ModelAttribute ProfileForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Access.requireActsFor(id);
        try {
            commands.send(new UpdateOrganizationProfile(new OrganizationId(id), form.version(), form.toPatch()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, current(id), form, FormErrors.of(e.violations()));
        } catch (StaleVersion e) {
            response.setStatus(412);
            OrganizationDetails now = current(id);
            ProfileForm stored = ProfileForm.of(now);
            Map<String, String> read = valuesWhenRead(id, form.version(), stored);
            // the stored profile with only the fields this person changed: sending it again re-applies their change
            // and keeps the other's
            ProfileForm merged = stored.withChangesOf(form, read).at(now.version());
            model.addAttribute("differences", stored.differencesFrom(merged));
            model.addAttribute("changedByOthers", ProfileForm.LABELS.entrySet().stream()
                                                                    .filter(f -> !read.get(f.getKey()).equals(stored.plain().get(f.getKey())))
                                                                    .map(Map.Entry::getValue).toList());
            return form(model, now, merged, FormErrors.NONE);
        }
        redirect.addFlashAttribute("flash", labels.message("profile.saved"));
        return "redirect:/organizations/" + id + "/profile";
    }

    /**
     * The profile as it was at the version the form was read at: the stored one with every later change undone, from
     * the profile history ("before" of the earliest change after that version). A change the history has not caught
     * up with yet counts as this person's, and so shows in the table before they send again.
     */
    private Map<String, String> valuesWhenRead(String id, Long version, ProfileForm stored) {
        Map<String, String> read = new java.util.HashMap<>(stored.plain());
        if (version == null) {
            return read;
        }
        List<ProfileChange> changes = queries.list(new ListProfileHistory(new OrganizationId(id), null, 200),
                ProfileChange.class);
        for (ProfileChange change : changes) { // newest first: the earliest "before" is written last
            if (change.version() > version && read.containsKey(change.field())) {
                read.put(change.field(), ProfileForm.plain(change.before()));
            }
        }
        return read;
    }

    private OrganizationDetails current(String id) {
        return queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                      .orElseThrow(() -> new NotFound("no organization with this id"));
    }

    private String form(Model model, OrganizationDetails details, ProfileForm form, FormErrors errors) {
        model.addAttribute("organization", details);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        MembershipOptions.Choices choices = options.current();
        model.addAttribute("bodyTypeOptions", choices.bodyType());
        model.addAttribute("prefectureOptions", choices.prefecture());
        model.addAttribute("fieldOptions", choices.field());
        model.addAttribute("targetGroupOptions", choices.targetGroup());
        model.addAttribute("capabilityOptions", choices.capability());
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("profile.title"))));
        return "membership/profile";
    }

    /** One field whose stored value differs from what the person sent. */
    record Difference(String label, String stored, String yours) {
    }

    /**
     * The profile form as sent. Lists are the chosen values' names; text is as typed (the command's rules normalize
     * and check it). Corporate number, website and description left empty are removed.
     */
    record ProfileForm(Long version, String name, String nameKana, String corporateNumber, String bodyType,
                       Boolean nationwide, List<String> prefectureCodes, List<String> fieldsOfActivity,
                       List<String> targetGroups, List<String> consultationCapabilities, String website,
                       String publicDescription) {

        ProfileForm {
            prefectureCodes = prefectureCodes == null ? List.of() : List.copyOf(prefectureCodes);
            fieldsOfActivity = fieldsOfActivity == null ? List.of() : List.copyOf(fieldsOfActivity);
            targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
            consultationCapabilities = consultationCapabilities == null ? List.of() : List.copyOf(consultationCapabilities);
        }

        static ProfileForm of(OrganizationDetails details) {
            OrganizationProfile p = details.profile();
            return new ProfileForm(details.version(), p.name(), p.nameKana(), p.corporateNumber(), p.bodyType().name(),
                    p.nationwide(), List.copyOf(p.prefectureCodes()), names(p.fieldsOfActivity()),
                    names(p.targetGroups()), names(p.consultationCapabilities()), p.website(), p.publicDescription());
        }

        /** The editable fields by name (the profile's), with their labels, in the form's order. */
        static final Map<String, String> LABELS = linked("name", "団体名", "nameKana", "団体名（フリガナ）",
                "corporateNumber", "法人番号", "bodyType", "団体の種類", "nationwide", "全国で活動",
                "prefectureCodes", "活動地域", "fieldsOfActivity", "活動分野", "targetGroups", "対象者",
                "consultationCapabilities", "相談対応", "website", "ウェブサイト", "publicDescription", "団体の紹介");

        private static Map<String, String> linked(String... pairs) {
            Map<String, String> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
            return java.util.Collections.unmodifiableMap(map);
        }

        /** Every editable field as one comparable string (lists sorted and joined), as the history keeps values. */
        Map<String, String> plain() {
            Map<String, String> values = new java.util.HashMap<>();
            values.put("name", plain(name));
            values.put("nameKana", plain(nameKana));
            values.put("corporateNumber", plain(corporateNumber));
            values.put("bodyType", plain(bodyType));
            values.put("nationwide", Boolean.toString(isNationwide()));
            values.put("prefectureCodes", plain(prefectureCodes));
            values.put("fieldsOfActivity", plain(fieldsOfActivity));
            values.put("targetGroups", plain(targetGroups));
            values.put("consultationCapabilities", plain(consultationCapabilities));
            values.put("website", plain(website));
            values.put("publicDescription", plain(publicDescription));
            return values;
        }

        static String plain(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof java.util.Collection<?> c) {
                return String.join(",", c.stream().map(String::valueOf).sorted().toList());
            }
            return String.valueOf(value).strip();
        }

        /** This form (the stored profile) with the fields that {@code yours} changed from what was read. */
        ProfileForm withChangesOf(ProfileForm yours, Map<String, String> read) {
            Map<String, String> mine = yours.plain();
            Map<String, String> merged = new java.util.HashMap<>(plain());
            for (String field : LABELS.keySet()) {
                if (!mine.get(field).equals(read.get(field))) {
                    merged.put(field, mine.get(field));
                }
            }
            return new ProfileForm(version, merged.get("name"), merged.get("nameKana"), merged.get("corporateNumber"),
                    merged.get("bodyType"), Boolean.parseBoolean(merged.get("nationwide")), split(merged.get("prefectureCodes")),
                    split(merged.get("fieldsOfActivity")), split(merged.get("targetGroups")),
                    split(merged.get("consultationCapabilities")), merged.get("website"), merged.get("publicDescription"));
        }

        private static List<String> split(String joined) {
            return joined.isEmpty() ? List.of() : List.of(joined.split(","));
        }

        ProfileForm at(long newVersion) {
            return new ProfileForm(newVersion, name, nameKana, corporateNumber, bodyType, nationwide, prefectureCodes,
                    fieldsOfActivity, targetGroups, consultationCapabilities, website, publicDescription);
        }

        /** Public: templates call it (SpEL finds only public methods). */
        public boolean isNationwide() {
            return Boolean.TRUE.equals(nationwide);
        }

        ProfilePatch toPatch() {
            List<FieldViolation> violations = new ArrayList<>();
            BodyType type = parse("bodyType", bodyType == null || bodyType.isEmpty() ? null : List.of(bodyType),
                    BodyType::valueOf, violations).stream().findFirst().orElse(null);
            if (type == null && violations.isEmpty()) {
                violations.add(new FieldViolation("bodyType", "団体の種類を選んでください"));
            }
            Set<FieldOfActivity> fields = parse("fieldsOfActivity", fieldsOfActivity, FieldOfActivity::valueOf, violations);
            Set<TargetGroup> groups = parse("targetGroups", targetGroups, TargetGroup::valueOf, violations);
            Set<ConsultationCapability> capabilities = parse("consultationCapabilities", consultationCapabilities,
                    ConsultationCapability::valueOf, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            Set<String> cleared = new HashSet<>();
            if (blank(corporateNumber)) {
                cleared.add("corporateNumber");
            }
            if (blank(website)) {
                cleared.add("website");
            }
            if (blank(publicDescription)) {
                cleared.add("publicDescription");
            }
            return new ProfilePatch(name == null ? "" : name, nameKana == null ? "" : nameKana, null,
                    blank(corporateNumber) ? null : corporateNumber, type, isNationwide(),
                    new LinkedHashSet<>(prefectureCodes), fields, groups, capabilities,
                    blank(website) ? null : website, blank(publicDescription) ? null : publicDescription, null, cleared);
        }

        List<Difference> differencesFrom(ProfileForm yours) {
            List<Difference> differences = new ArrayList<>();
            compare(differences, "団体名", name, yours.name);
            compare(differences, "団体名（フリガナ）", nameKana, yours.nameKana);
            compare(differences, "法人番号", corporateNumber, yours.corporateNumber);
            compare(differences, "団体の種類", label(bodyType, BodyType::valueOf, BodyType::label),
                    label(yours.bodyType, BodyType::valueOf, BodyType::label));
            compare(differences, "全国で活動", isNationwide() ? "はい" : "いいえ", yours.isNationwide() ? "はい" : "いいえ");
            compare(differences, "活動地域", prefectures(prefectureCodes), prefectures(yours.prefectureCodes));
            compare(differences, "活動分野", labels(fieldsOfActivity, FieldOfActivity::valueOf, FieldOfActivity::label),
                    labels(yours.fieldsOfActivity, FieldOfActivity::valueOf, FieldOfActivity::label));
            compare(differences, "対象者", labels(targetGroups, TargetGroup::valueOf, TargetGroup::label),
                    labels(yours.targetGroups, TargetGroup::valueOf, TargetGroup::label));
            compare(differences, "相談対応", labels(consultationCapabilities, ConsultationCapability::valueOf,
                    ConsultationCapability::label), labels(yours.consultationCapabilities,
                    ConsultationCapability::valueOf, ConsultationCapability::label));
            compare(differences, "ウェブサイト", website, yours.website);
            compare(differences, "団体の紹介", publicDescription, yours.publicDescription);
            return differences;
        }

        private static void compare(List<Difference> into, String label, String stored, String yours) {
            String a = stored == null ? "" : stored.strip();
            String b = yours == null ? "" : yours.strip();
            if (!a.equals(b)) {
                into.add(new Difference(label, a, b));
            }
        }

        private static String prefectures(List<String> codes) {
            return String.join("、", codes.stream().sorted()
                                          .map(c -> Prefecture.ofCode(c).map(Prefecture::label).orElse(c)).toList());
        }

        private static <E extends Enum<E>> String labels(List<String> names, Function<String, E> parse,
                                                         Function<E, String> label) {
            return String.join("、", names.stream().sorted().map(n -> label(n, parse, label)).toList());
        }

        private static <E extends Enum<E>> String label(String name, Function<String, E> parse, Function<E, String> label) {
            try {
                return name == null || name.isEmpty() ? "" : label.apply(parse.apply(name));
            } catch (IllegalArgumentException e) {
                return name;
            }
        }

        private static <E> Set<E> parse(String field, List<String> names, Function<String, E> parse,
                                        List<FieldViolation> violations) {
            Set<E> values = new LinkedHashSet<>();
            for (String name : names == null ? List.<String>of() : names) {
                try {
                    values.add(parse.apply(name));
                } catch (IllegalArgumentException e) {
                    violations.add(new FieldViolation(field, "選べない値です: " + name));
                }
            }
            return values;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static List<String> names(Set<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).toList();
        }
    }
}
