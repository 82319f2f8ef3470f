package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.ListProfileHistory;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.ProfileChange;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who changed which field of an organization's profile, when, from what to what: the same query as the API's
 * {@code GET /organizations/{id}/history}, for the organization's own admins and the secretariat. Values are shown
 * as the forms label them (codes become their Japanese names), so the page reads like the edit form.
 */
@PageController
class ProfileHistoryPages {

    /** The newest entries; the API's default too. Older ones are a matter for the secretariat's export. */
    static final int SHOWN = 100;

    /** Every field the history names, as the forms label them. */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("name", "団体名"), Map.entry("nameKana", "団体名（フリガナ）"), Map.entry("legalForm", "法人格"),
            Map.entry("corporateNumber", "法人番号"), Map.entry("bodyType", "団体の種類"),
            Map.entry("nationwide", "全国で活動"), Map.entry("prefectureCodes", "活動地域"),
            Map.entry("fieldsOfActivity", "活動分野"), Map.entry("targetGroups", "対象者"),
            Map.entry("consultationCapabilities", "相談対応"), Map.entry("website", "ウェブサイト"),
            Map.entry("publicDescription", "団体の紹介"), Map.entry("consentToPublish", "会員検索への掲載"),
            Map.entry("category", "会員区分"), Map.entry("imported", "一括登録"));

    /** What happened, by {@link ProfileChange#kind()}: a value change, an import, or a step of a proposal. */
    static final Map<String, String> KIND_LABELS = Map.of(
            "CHANGED", "変更",
            "IMPORTED", "一括登録（CSV）",
            "PROPOSED", "変更を申請",
            "APPROVED", "申請を承認",
            "REJECTED", "申請を却下",
            "REPLACED", "新しい申請に置き換え",
            "SUPERSEDED", "直接の変更により終了",
            "WITHDRAWN_BY_MEMBER", "申請を取り下げ",
            "ORGANIZATION_WITHDRAWN", "退会により終了");

    private final Queries queries;

    private final Labels labels;

    ProfileHistoryPages(Queries queries, Labels labels) {
        this.labels = labels;
        this.queries = queries;
    }

    /** A member admin's own organization, from the token: the header's link. */
    @GetMapping("/my-organization/history")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/history";
    }

    @GetMapping("/organizations/{id}/history")
    String history(@PathVariable String id, Model model) {
        Access.requireActsFor(id);
        OrganizationDetails organization = queries.optional(new FindOrganization(new OrganizationId(id)),
                OrganizationDetails.class).orElseThrow(() -> new NotFound("no organization with this id"));
        List<Row> rows = queries.list(new ListProfileHistory(new OrganizationId(id), null, SHOWN), ProfileChange.class)
                                .stream().map(Row::of).toList();
        model.addAttribute("organization", organization);
        model.addAttribute("rows", rows);
        model.addAttribute("limited", rows.size() >= SHOWN);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("history.title"))));
        return "membership/history";
    }

    /** One entry as the page shows it. */
    record Row(Instant at, String who, String kind, String field, String before, String after, String note) {

        static Row of(ProfileChange c) {
            return new Row(c.changedAt(), c.changedBy(), KIND_LABELS.getOrDefault(c.kind(), c.kind()),
                    FIELD_LABELS.getOrDefault(c.field(), c.field()), shown(c.field(), c.before()),
                    shown(c.field(), c.after()), c.note());
        }
    }

    /** A JSON value of the history (text, boolean or list of codes) in the words of the forms. */
    static String shown(String field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            return String.join("、", values.stream().map(v -> shown(field, v)).toList());
        }
        if (value instanceof Boolean b) {
            return b ? "はい" : "いいえ";
        }
        String text = String.valueOf(value);
        return switch (field) {
            case "bodyType" -> label(text, BodyType::valueOf, BodyType::label);
            case "legalForm" -> label(text, LegalForm::valueOf, LegalForm::label);
            case "fieldsOfActivity" -> label(text, FieldOfActivity::valueOf, FieldOfActivity::label);
            case "targetGroups" -> label(text, TargetGroup::valueOf, TargetGroup::label);
            case "consultationCapabilities" -> label(text, ConsultationCapability::valueOf, ConsultationCapability::label);
            case "category" -> label(text, MemberCategory::valueOf, MemberCategory::label);
            case "prefectureCodes" -> Prefecture.ofCode(text).map(Prefecture::label).orElse(text);
            case "nationwide", "consentToPublish" -> Boolean.parseBoolean(text) ? "はい" : "いいえ";
            default -> text;
        };
    }

    /** A code written before its value was renamed stays readable as the code itself. */
    private static <E> String label(String name, Function<String, E> parse, Function<E, String> label) {
        try {
            return label.apply(parse.apply(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
