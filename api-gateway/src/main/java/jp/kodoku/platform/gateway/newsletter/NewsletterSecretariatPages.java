package jp.kodoku.platform.gateway.newsletter;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.events.api.CalendarView;
import jp.kodoku.platform.events.api.EventId;
import jp.kodoku.platform.events.api.EventStatus;
import jp.kodoku.platform.events.api.EventSummary;
import jp.kodoku.platform.events.api.ListEvents;
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
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secretariat's newsletter pages: the issues, a new draft, and one issue's editor (its sections and items, an item
 * written here or made from a published event, the schedule with the recipient count of each audience, the preview,
 * back to draft and cancellation). The same commands and queries as the API; the version the page was read at goes
 * with every form as If-Match does, so a change made meanwhile is a stale-version page, never an overwrite.
 */
@PageController
class NewsletterSecretariatPages {

    static final String ISSUES = "/secretariat/newsletter";
    private static final int EVENTS_AHEAD_DAYS = 180;
    private static final Map<Audience, String> AUDIENCES = Map.of(Audience.ALL, "全員（会員の連絡先と一般の購読者）",
            Audience.MEMBERS, "会員の連絡先のみ（バックナンバーには載せません）", Audience.PUBLIC, "一般の購読者のみ");

    private final Commands commands;
    private final Queries queries;

    NewsletterSecretariatPages(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record DraftForm(String subject, String plannedDate, String plannedTime) {
        static final DraftForm EMPTY = new DraftForm(null, null, "09:00");
    }

    record ItemForm(String sectionKey, String title, String body, String link, Boolean membersOnly) {
        static final ItemForm EMPTY = new ItemForm(null, null, null, null, false);

        ItemContent content() {
            return new ItemContent(title, body, link, Boolean.TRUE.equals(membersOnly));
        }
    }

    // ---- the issues -----------------------------------------------------------------------------------------------

    @GetMapping(ISSUES)
    String issues(Model model) {
        Access.requireSecretariat();
        return issues(model, DraftForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(ISSUES + "/issues")
    String draft(@ModelAttribute DraftForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        IssueId id = IssueId.random();
        try {
            commands.send(new DraftIssue(id, form.subject(), plannedSendAt(form.plannedDate(), form.plannedTime())));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return issues(model, form, FormErrors.of(e.violations(), Map.of()));
        }
        redirect.addFlashAttribute("flash", "号を下書きとして作成しました。反映まで数秒かかることがあります。");
        return "redirect:" + issuePath(id.value());
    }

    private String issues(Model model, DraftForm form, FormErrors errors) {
        model.addAttribute("issues", queries.list(new ListIssues(Set.of()), IssueSummary.class));
        model.addAttribute("openProposals", queries.list(new ListProposals(null,
                Set.of(ProposalStatus.PROPOSED)), ProposalDetails.class).size());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジン管理")));
        return "newsletter/secretariat-issues";
    }

    // ---- one issue ------------------------------------------------------------------------------------------------

    @GetMapping(ISSUES + "/issues/{id}")
    String issue(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        return editor(model, find(id), ItemForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(ISSUES + "/issues/{id}/items")
    String addItem(@PathVariable String id, @RequestParam(required = false) Long version, @ModelAttribute ItemForm form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new AddItem(issueId(id), version, ItemId.random(), form.sectionKey(), form.content()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return editor(model, find(id), form, FormErrors.of(e.violations()));
        }
        return saved(redirect, id, "記事を追加しました。");
    }

    @PostMapping(ISSUES + "/issues/{id}/event-items")
    String addEventItem(@PathVariable String id, @RequestParam(required = false) Long version,
                        @RequestParam(required = false) String eventId, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        Access.requireSecretariat();
        return change(id, () -> new AddEventItem(issueId(id), version, ItemId.random(),
                new EventId(eventId == null ? "" : eventId)), "eventId", "イベント案内に記事を追加しました。", model, response, redirect);
    }

    @PostMapping(ISSUES + "/issues/{id}/sections")
    String addSection(@PathVariable String id, @RequestParam(required = false) Long version,
                      @RequestParam(required = false) String sectionTitle, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Access.requireSecretariat();
        return change(id, () -> new AddSection(issueId(id), version, sectionTitle), "sectionTitle", "見出しを追加しました。",
                model, response, redirect);
    }

    @PostMapping(ISSUES + "/issues/{id}/items/{itemId}/removal")
    String removeItem(@PathVariable String id, @PathVariable String itemId,
                      @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        Access.requireSecretariat();
        commands.send(new RemoveItem(issueId(id), version, new ItemId(itemId)));
        return saved(redirect, id, "記事を削除しました。");
    }

    @PostMapping(ISSUES + "/issues/{id}/return-to-draft")
    String returnToDraft(@PathVariable String id, @RequestParam(required = false) Long version,
                         RedirectAttributes redirect) {
        Access.requireSecretariat();
        commands.send(new ReturnIssueToDraft(issueId(id), version));
        return saved(redirect, id, "配信予約を取り消し、下書きに戻しました。");
    }

    @PostMapping(ISSUES + "/issues/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String cancelReason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        return change(id, () -> new CancelIssue(issueId(id), version, cancelReason), "cancelReason",
                "この号の配信を中止しました。", model, response, redirect);
    }

    /** Scheduling for an audience: the recipients it reaches were shown beside each choice. */
    @PostMapping(ISSUES + "/issues/{id}/scheduling")
    String schedule(@PathVariable String id, @RequestParam(required = false) Long version,
                    @RequestParam(required = false) String audience, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Access.requireSecretariat();
        return change(id, () -> new ScheduleIssue(issueId(id), version, segment(audience)), "audience",
                "配信を予約しました。配信予定日時に送ります。", model, response, redirect);
    }

    /** The mail as a recipient of the audience would get it; its HTML in a sandboxed frame, which runs nothing. */
    @GetMapping(ISSUES + "/issues/{id}/preview")
    String preview(@PathVariable String id, @RequestParam(required = false) String audience, Model model) {
        Access.requireSecretariat();
        IssueDetails issue = find(id);
        Audience seen = audience == null || audience.isBlank() ? Audience.MEMBERS : segment(audience).audience();
        IssuePreview preview = queries.optional(new FindIssuePreview(issue.issueId(), seen), IssuePreview.class)
                                      .orElseThrow(() -> new NotFound("there is no issue " + id));
        model.addAttribute("issue", issue);
        model.addAttribute("preview", preview);
        model.addAttribute("audience", seen);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("メールマガジン管理", ISSUES),
                Crumb.to(issue.subject(), issuePath(id)), Crumb.here("プレビュー")));
        return "newsletter/secretariat-preview";
    }

    /** An audience as the form sends it, without filters (the API takes filtered segments). */
    private static Segment segment(String audience) {
        try {
            return new Segment(audience == null || audience.isBlank() ? null : Audience.valueOf(audience), null, null,
                    null, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidNewsletterInput("audience", "must be ALL, MEMBERS or PUBLIC");
        }
    }

    /**
     * Sends the command a form of the editor makes; bad input shows the editor again with the error at the form's one
     * field (the command is made inside, so that a value the form cannot turn into one is reported there too).
     */
    private String change(String id, java.util.function.Supplier<Object> command, String field, String done,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            commands.send(command.get());
        } catch (InvalidInput e) {
            response.setStatus(400);
            return editor(model, find(id), ItemForm.EMPTY, FormErrors.of(e.violations().stream()
                    .map(v -> new FieldViolation(field, v.message())).toList()));
        }
        return saved(redirect, id, done);
    }

    String editor(Model model, IssueDetails issue, ItemForm form, FormErrors errors) {
        if (issue.status() == IssueStatus.DRAFT) {
            model.addAttribute("audiences", java.util.Arrays.stream(Audience.values())
                    .map(a -> new Option(a.name(), AUDIENCES.get(a) + "（現在 "
                            + queries.one(new CountRecipients(segment(a.name())), Long.class) + " 件）"))
                    .toList());
        }
        model.addAttribute("issue", issue);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sections", issue.sections().stream().map(s -> new Option(s.key(), s.title())).toList());
        model.addAttribute("events", issue.status() == IssueStatus.DRAFT ? publishedEvents() : List.of());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("メールマガジン管理", ISSUES), Crumb.here(issue.subject())));
        return "newsletter/secretariat-issue";
    }

    /** The public events a coming issue can announce: published (or moved) and not yet over, soonest first. */
    private List<Option> publishedEvents() {
        LocalDate today = LocalDate.now(JapaneseDates.JAPAN);
        return queries.list(new ListEvents(CalendarView.PUBLIC, today, today.plusDays(EVENTS_AHEAD_DAYS), null, null, 100),
                              EventSummary.class).stream()
                      .filter(e -> e.status() == EventStatus.PUBLISHED || e.status() == EventStatus.RESCHEDULED)
                      .map(e -> new Option(e.eventId().value(), e.schedule().startDate() + " " + e.title()))
                      .toList();
    }

    IssueDetails find(String id) {
        return queries.optional(new FindIssue(issueId(id)), IssueDetails.class)
                      .orElseThrow(() -> new NotFound("there is no issue " + id));
    }

    static String issuePath(String id) {
        return ISSUES + "/issues/" + id;
    }

    static String saved(RedirectAttributes redirect, String id, String message) {
        redirect.addFlashAttribute("flash", message + "反映まで数秒かかることがあります。");
        return "redirect:" + issuePath(id);
    }

    static IssueId issueId(String id) {
        if (id == null || id.isBlank() || id.length() > 80) {
            throw new NotFound("there is no issue " + id);
        }
        return new IssueId(id);
    }

    /** The planned send time from the form's Japan date and time; what cannot be read is reported at its field. */
    static Instant plannedSendAt(String date, String time) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate day = null;
        LocalTime at = null;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("plannedDate", "must be a date such as 2026-05-18"));
        }
        try {
            at = LocalTime.parse(time == null || time.isBlank() ? "09:00" : time.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("plannedTime", "must be a time such as 09:00"));
        }
        if (day == null && violations.isEmpty()) {
            violations.add(new FieldViolation("plannedDate", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidNewsletterInput(violations);
        }
        return day.atTime(at).atZone(JapaneseDates.JAPAN).toInstant();
    }
}
