package jp.kodoku.platform.gateway.membership;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.JapaneseDates;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.StaleVersion;
import jp.kodoku.platform.membership.api.AppointSteeringMember;
import jp.kodoku.platform.membership.api.ChangeMemberCategory;
import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.EndSteeringMemberTerm;
import jp.kodoku.platform.membership.api.ErasePersonalData;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.RecordWithdrawal;
import jp.kodoku.platform.membership.api.ReinstateMember;
import jp.kodoku.platform.membership.api.SuspendMember;
import jp.kodoku.platform.membership.api.WithdrawalKind;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's decisions about a member, one page each: category change, steering term (幹事団体) and its end,
 * suspension and reinstatement, withdrawal (退会), and erasure of a contact person's personal data. Each goes in two
 * steps, as none can be taken back lightly: the form, then a confirmation page showing what will be recorded, and
 * only the confirmed post sends the command, the same one the API sends, with the same required reasons
 * ({@code MembershipRequests}). The version the form was read at travels through both steps, as the API's If-Match;
 * a change made meanwhile shows the form again with the stale-version message, the input kept, to be re-applied.
 */
@PageController
class MembershipActionPages {

    private static final int REASON_MAX = 2000;

    /** What the secretariat may do to a member; {@code path} is the last part of the page's address. */
    enum Action {
        CATEGORY_CHANGE("category-change", "会員区分の変更", "会員区分を変更しました。", false),
        STEERING_TERM("steering-term", "幹事団体への選任", "幹事団体に選任しました。", false),
        STEERING_TERM_END("steering-term-end", "幹事団体の任期終了", "幹事団体の任期を終了しました。", false),
        SUSPENSION("suspension", "会員資格の停止", "会員資格を停止しました。", true),
        REINSTATEMENT("reinstatement", "会員資格の停止の解除", "会員資格の停止を解除しました。", false),
        WITHDRAWAL("withdrawal", "退会の記録", "退会を記録しました。", true),
        ERASURE("erasure", "担当者の個人情報の消去", "担当者の個人情報を消去しました。", true);

        final String path;
        final String heading;
        final String done;
        /** Shown as a red button: it stops the member's rights or cannot be undone. */
        final boolean grave;

        Action(String path, String heading, String done, boolean grave) {
            this.path = path;
            this.heading = heading;
            this.done = done;
            this.grave = grave;
        }

        public String heading() {
            return heading;
        }

        public boolean grave() {
            return grave;
        }

        static Action ofPath(String path) {
            return Arrays.stream(values()).filter(a -> a.path.equals(path) && a != ERASURE).findFirst()
                         .orElseThrow(() -> new NotFound("no such action"));
        }
    }

    /** A field of an action's form: {@code type} is the form fragment that shows it (select, date, textarea). */
    record Field(String name, String label, String type, List<Option> options, String hint) {
    }

    /** A line of the confirmation page: what will be recorded, as the secretariat reads it. */
    record Shown(String label, String value) {
    }

    /** The form of every action as sent; each action reads its own fields. */
    record ActionForm(Long version, String category, String kind, String reason, String effectiveDate,
                      String termStart, String termEnd, String endedOn, String confirmed, String revise) {

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("category", category);
            values.put("kind", kind);
            values.put("reason", reason);
            values.put("effectiveDate", effectiveDate);
            values.put("termStart", termStart);
            values.put("termEnd", termEnd);
            values.put("endedOn", endedOn);
            return values;
        }

        ActionForm at(long latest) {
            return new ActionForm(latest, category, kind, reason, effectiveDate, termStart, termEnd, endedOn, null, null);
        }
    }

    private final Queries queries;
    private final Commands commands;
    private final JapaneseDates dates;

    MembershipActionPages(Queries queries, Commands commands, JapaneseDates dates) {
        this.queries = queries;
        this.commands = commands;
        this.dates = dates;
    }

    @GetMapping("/secretariat/organizations/{id}/{action:[a-z-]+}")
    String form(@PathVariable String id, @PathVariable("action") String path, Model model) {
        Access.requireSecretariat();
        OrganizationDetails organization = find(id);
        ActionForm empty = new ActionForm(organization.version(), null, null, null, null, null, null, null, null, null);
        return form(model, Action.ofPath(path), organization, null, empty, FormErrors.NONE);
    }

    @PostMapping("/secretariat/organizations/{id}/{action:[a-z-]+}")
    String post(@PathVariable String id, @PathVariable("action") String path, @ModelAttribute ActionForm form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        return step(Action.ofPath(path), id, null, form, model, response, redirect);
    }

    @GetMapping("/secretariat/organizations/{id}/contacts/{contactId}/erasure")
    String erasureForm(@PathVariable String id, @PathVariable String contactId, Model model) {
        Access.requireSecretariat();
        OrganizationDetails organization = find(id);
        ActionForm empty = new ActionForm(organization.version(), null, null, null, null, null, null, null, null, null);
        return form(model, Action.ERASURE, organization, ContactPages.contact(organization, contactId), empty, FormErrors.NONE);
    }

    @PostMapping("/secretariat/organizations/{id}/contacts/{contactId}/erasure")
    String erase(@PathVariable String id, @PathVariable String contactId, @ModelAttribute ActionForm form,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        return step(Action.ERASURE, id, contactId, form, model, response, redirect);
    }

    /** The form's input checked, then confirmed, then sent: each post moves one step on, or back with the errors. */
    private String step(Action action, String id, String contactId, ActionForm form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        OrganizationDetails organization = find(id);
        ContactView contact = contactId == null ? null : ContactPages.contact(organization, contactId);
        Object command;
        try {
            command = command(action, new OrganizationId(id), contactId, form);
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, action, organization, contact, form, FormErrors.of(e.violations()));
        }
        if (form.revise() != null) {
            return form(model, action, organization, contact, form, FormErrors.NONE);
        }
        if (!"true".equals(form.confirmed())) {
            return confirmation(model, action, organization, contact, form);
        }
        try {
            commands.send(command);
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, action, organization, contact, form, FormErrors.of(e.violations()));
        } catch (StaleVersion e) {
            response.setStatus(412);
            model.addAttribute("stale", true);
            OrganizationDetails latest = find(id);
            return form(model, action, latest, contact, form.at(latest.version()), FormErrors.NONE);
        }
        redirect.addFlashAttribute("flash", action.done);
        return "redirect:/secretariat/organizations/" + id;
    }

    /**
     * The command the API would send for the same input, or every missing or malformed field at once. Required as in
     * the API's request bodies: a reason for all but the appointment, the end of a term and an erasure (where it is
     * optional), and the date a change takes effect.
     */
    private static Object command(Action action, OrganizationId id, String contactId, ActionForm f) {
        List<FieldViolation> errors = new ArrayList<>();
        Object command = switch (action) {
            case CATEGORY_CHANGE -> new ChangeMemberCategory(id, f.version(),
                    choice(errors, "category", f.category(), MemberCategory.class, "新しい会員区分を選んでください"),
                    reason(errors, f.reason(), true), date(errors, "effectiveDate", f.effectiveDate(), true));
            case STEERING_TERM -> new AppointSteeringMember(id, f.version(),
                    date(errors, "termStart", f.termStart(), true), date(errors, "termEnd", f.termEnd(), false));
            case STEERING_TERM_END -> new EndSteeringMemberTerm(id, f.version(),
                    date(errors, "endedOn", f.endedOn(), true), reason(errors, f.reason(), false));
            case SUSPENSION -> new SuspendMember(id, f.version(), reason(errors, f.reason(), true));
            case REINSTATEMENT -> new ReinstateMember(id, f.version(), reason(errors, f.reason(), true));
            case WITHDRAWAL -> new RecordWithdrawal(id, f.version(),
                    choice(errors, "kind", f.kind(), WithdrawalKind.class, "退会の種類を選んでください"),
                    reason(errors, f.reason(), true), date(errors, "effectiveDate", f.effectiveDate(), true));
            case ERASURE -> new ErasePersonalData(id, new ContactId(contactId), reason(errors, f.reason(), false));
        };
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return command;
    }

    private static String reason(List<FieldViolation> errors, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldViolation("reason", "理由を入力してください"));
            }
            return null;
        }
        if (value.length() > REASON_MAX) {
            errors.add(new FieldViolation("reason", REASON_MAX + "文字以内で入力してください"));
        }
        return value.strip();
    }

    private static LocalDate date(List<FieldViolation> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldViolation(field, "日付を入力してください"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "日付を「2024-04-01」の形で入力してください"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(List<FieldViolation> errors, String field, String value, Class<E> type,
                                                String missing) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.add(new FieldViolation(field, missing));
        return null;
    }

    private static List<Field> fields(Action action) {
        Field reasonRequired = new Field("reason", "理由", "textarea", null, "記録に残り、団体の履歴に表示されます（2000文字以内）");
        Field reasonOptional = new Field("reason", "理由（任意）", "textarea", null, "記録に残ります（2000文字以内）");
        return switch (action) {
            case CATEGORY_CHANGE -> List.of(
                    new Field("category", "新しい会員区分", "select", Option.of(MemberCategory.values(), MemberCategory::label), null),
                    new Field("effectiveDate", "変更する日", "date", null, null), reasonRequired);
            case STEERING_TERM -> List.of(new Field("termStart", "任期の開始日", "date", null, null),
                    new Field("termEnd", "任期の終了日（任意）", "date", null, "決まっていなければ空欄にしてください"));
            case STEERING_TERM_END -> List.of(new Field("endedOn", "任期の終了日", "date", null, null), reasonOptional);
            case SUSPENSION, REINSTATEMENT -> List.of(reasonRequired);
            case WITHDRAWAL -> List.of(
                    new Field("kind", "退会の種類", "select", Option.of(WithdrawalKind.values(), MembershipActionPages::kindLabel), null),
                    new Field("effectiveDate", "退会日", "date", null, null), reasonRequired);
            case ERASURE -> List.of(reasonOptional);
        };
    }

    static String kindLabel(WithdrawalKind kind) {
        return switch (kind) {
            case REQUESTED_BY_MEMBER -> "退会届による退会";
            case DECIDED_BY_PLATFORM -> "事務局の決定による退会（除名等）";
        };
    }

    /** What the confirmation page says will happen, beyond the recorded values. */
    private static String consequence(Action action) {
        return switch (action) {
            case CATEGORY_CHANGE -> "会員区分を変更します。公開の会員数の集計にも反映されます。";
            case STEERING_TERM -> "この団体を幹事団体に選任します。";
            case STEERING_TERM_END -> "幹事団体の任期を終了します。";
            case SUSPENSION -> "会員資格を停止します。停止中は会員名簿に表示されません。";
            case REINSTATEMENT -> "会員資格の停止を解除します。";
            case WITHDRAWAL -> "退会を記録します。退会した団体の情報は、その後変更できません。";
            case ERASURE -> "この担当者の氏名・メールアドレス・電話番号を消去します。消去すると元に戻せません。";
        };
    }

    private String form(Model model, Action action, OrganizationDetails organization, ContactView contact,
                        ActionForm form, FormErrors errors) {
        common(model, action, organization, contact, form);
        model.addAttribute("step", "form");
        model.addAttribute("fields", fields(action));
        model.addAttribute("errors", errors);
        return "membership/organization-action";
    }

    private String confirmation(Model model, Action action, OrganizationDetails organization, ContactView contact,
                                ActionForm form) {
        common(model, action, organization, contact, form);
        List<Shown> shown = new ArrayList<>();
        for (Field field : fields(action)) {
            String value = form.values().get(field.name());
            if (value == null || value.isBlank()) {
                shown.add(new Shown(field.label(), "（なし）"));
            } else if (field.type().equals("date")) {
                shown.add(new Shown(field.label(), dates.date(LocalDate.parse(value.strip()))));
            } else if (field.options() != null) {
                shown.add(new Shown(field.label(), field.options().stream().filter(o -> o.value().equals(value))
                                                        .map(Option::label).findFirst().orElse(value)));
            } else {
                shown.add(new Shown(field.label(), value.strip()));
            }
        }
        model.addAttribute("step", "confirm");
        model.addAttribute("shown", shown);
        model.addAttribute("consequence", consequence(action));
        model.addAttribute("errors", FormErrors.NONE);
        return "membership/organization-action";
    }

    private static void common(Model model, Action action, OrganizationDetails organization, ContactView contact,
                               ActionForm form) {
        String record = "/secretariat/organizations/" + organization.organizationId();
        model.addAttribute("action", action);
        model.addAttribute("organization", organization);
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("values", form.values());
        model.addAttribute("record", record);
        model.addAttribute("target", contact == null ? record + "/" + action.path
                : record + "/contacts/" + contact.contactId() + "/erasure");
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("会員一覧", "/secretariat/members"),
                Crumb.to(organization.profile().name(), record), Crumb.here(action.heading)));
    }

    private OrganizationDetails find(String id) {
        return queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                      .orElseThrow(() -> new NotFound("no organization with this id"));
    }
}
