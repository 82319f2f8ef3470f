package jp.kodoku.platform.gateway.events;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's event editor: every event (drafts and member-proposed campaign events too), creating and editing
 * one, and its life: publish, reschedule with a reason, cancel with a reason, approve or refuse a proposal. The same
 * commands as the API's {@code /api/v1/events}; the version the page was read at travels in every form as If-Match
 * does, so a change made meanwhile answers with the stale-version page instead of being overwritten.
 */
@PageController
class EventEditorPages {

    private final Queries queries;
    private final Commands commands;
    private final EventLabels labels;

    EventEditorPages(Queries queries, Commands commands, EventLabels labels) {
        this.queries = queries;
        this.commands = commands;
        this.labels = labels;
    }

    @GetMapping("/secretariat/events")
    String list(Model model) {
        Access.requireSecretariat();
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        List<EventSummary> events = new ArrayList<>(queries.list(new ListEvents(CalendarView.SECRETARIAT,
                today.minusYears(1), today.plusYears(2), null, null, EventCalendar.LIMIT), EventSummary.class));
        // proposals wait for a decision: first
        events.sort(Comparator.comparing((EventSummary e) -> e.status() != EventStatus.PROPOSED));
        model.addAttribute("events", events);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("イベント管理")));
        return "events/secretariat-events";
    }

    @GetMapping("/secretariat/events/new")
    String newEvent(Model model) {
        Access.requireSecretariat();
        return form(model, null, EventForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/secretariat/events")
    String create(@ModelAttribute EventForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        EventId id = EventId.random();
        try {
            commands.send(new ScheduleEvent(id, form.details()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, null, form, errors(e.violations()));
        }
        redirect.addFlashAttribute("flash", "下書きとして保存しました。内容を確かめてから公開してください。");
        return "redirect:/secretariat/events/" + id.value();
    }

    @GetMapping("/secretariat/events/{id}")
    String edit(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        EventSummary event = find(id);
        return form(model, event, EventForm.of(event), FormErrors.NONE);
    }

    @PostMapping("/secretariat/events/{id}")
    String revise(@PathVariable String id, @ModelAttribute EventForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new ReviseEvent(new EventId(id), form.version(), form.details()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return form(model, find(id), form, errors(e.violations()));
        }
        return saved(redirect, id, "イベントの内容を保存しました。");
    }

    @PostMapping("/secretariat/events/{id}/publication")
    String publish(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        Access.requireSecretariat();
        commands.send(new PublishEvent(new EventId(id), version));
        return saved(redirect, id, "イベントを公開しました。");
    }

    @PostMapping("/secretariat/events/{id}/approval")
    String approve(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        Access.requireSecretariat();
        commands.send(new ApproveCampaignEvent(new EventId(id), version));
        return saved(redirect, id, "会員の提案したイベントを承認し、公開しました。");
    }

    @PostMapping("/secretariat/events/{id}/rejection")
    String reject(@PathVariable String id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new RejectCampaignEvent(new EventId(id), version, reason));
        } catch (InvalidInput e) {
            return actionFailed(id, model, response, e, Map.of("reason", "rejectReason"));
        }
        return saved(redirect, id, "会員の提案したイベントを不承認にしました。");
    }

    @PostMapping("/secretariat/events/{id}/rescheduling")
    String reschedule(@PathVariable String id, @RequestParam(required = false) Long version,
                      @RequestParam(required = false) String newStartDate, @RequestParam(required = false) String newStartTime,
                      @RequestParam(required = false) String newEndDate, @RequestParam(required = false) String newEndTime,
                      @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new RescheduleEvent(new EventId(id), version,
                    schedule(newStartDate, newStartTime, newEndDate, newEndTime), reason));
        } catch (InvalidInput e) {
            return actionFailed(id, model, response, e, Map.of("reason", "rescheduleReason",
                    "schedule.startDate", "newStartDate", "schedule.startTime", "newStartTime",
                    "schedule.endDate", "newEndDate", "schedule.endTime", "newEndTime", "schedule", "newStartDate"));
        }
        return saved(redirect, id, "日程を変更しました。申込者へのリマインドも新しい日時に合わせます。");
    }

    @PostMapping("/secretariat/events/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new CancelEvent(new EventId(id), version, reason));
        } catch (InvalidInput e) {
            return actionFailed(id, model, response, e, Map.of("reason", "cancelReason"));
        }
        return saved(redirect, id, "イベントを開催中止にしました。");
    }

    private String actionFailed(String id, Model model, HttpServletResponse response, InvalidInput e,
                                Map<String, String> renamed) {
        response.setStatus(400);
        List<FieldViolation> violations = e.violations().stream()
                .map(v -> new FieldViolation(renamed.getOrDefault(v.field(), v.field()), v.message())).toList();
        EventSummary event = find(id);
        return form(model, event, EventForm.of(event), FormErrors.of(violations));
    }

    private static String saved(RedirectAttributes redirect, String id, String message) {
        redirect.addFlashAttribute("flash", message + "反映まで数秒かかることがあります。");
        return "redirect:/secretariat/events/" + id;
    }

    /** The new time of a rescheduling; what cannot be read is reported at its field. */
    private static Schedule schedule(String startDate, String startTime, String endDate, String endTime) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = EventForm.parse("newStartDate", startDate, LocalDate::parse, violations, EventForm.DATE);
        LocalDate end = EventForm.parse("newEndDate", endDate, LocalDate::parse, violations, EventForm.DATE);
        LocalTime from = EventForm.parse("newStartTime", startTime, LocalTime::parse, violations, EventForm.START_TIME);
        LocalTime to = EventForm.parse("newEndTime", endTime, LocalTime::parse, violations, EventForm.END_TIME);
        if (start == null && violations.isEmpty()) {
            violations.add(new FieldViolation("newStartDate", "新しい開始日を入力してください"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        return new Schedule(start, from, end == null ? start : end, to);
    }

    /**
     * The rules' names as the form's: the venue's parts are flattened, the rest shown at their last part; a rule about
     * a whole part (the venue, the schedule, the registration, the organizers) at the first field of that part.
     */
    private static FormErrors errors(List<FieldViolation> violations) {
        Map<String, String> wholes = Map.of("venue", "venueName", "schedule", "startDate",
                "registration", "takesRegistrations", "organizerOrganizations", "secretariatOrganizes");
        return FormErrors.of(violations.stream()
                .map(v -> new FieldViolation(wholes.getOrDefault(v.field(), v.field()), v.message())).toList(),
                Map.of("venue.", "venue"));
    }

    private EventSummary find(String id) {
        return queries.optional(new FindEvent(new EventId(id), CalendarView.SECRETARIAT), EventSummary.class)
                      .orElseThrow(() -> new NotFound("no such event"));
    }

    private String form(Model model, EventSummary event, EventForm form, FormErrors errors) {
        String heading = event == null ? "イベントの作成" : "イベントの編集";
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        List<Option> campaigns = queries.list(new ListEvents(CalendarView.SECRETARIAT, today.minusYears(2),
                today.plusYears(2), EventKind.CAMPAIGN, null, EventCalendar.LIMIT), EventSummary.class).stream()
                .map(c -> new Option(c.eventId().value(), c.title())).toList();
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("heading", heading);
        model.addAttribute("kinds", EventLabels.kinds());
        model.addAttribute("levels", EventLabels.levels(labels));
        model.addAttribute("visibilities", EventLabels.visibilities(labels));
        model.addAttribute("prefectures", EventLabels.prefectures());
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("yes", List.of(new Option(EventForm.YES, "事務局が主催する")));
        model.addAttribute("takes", List.of(new Option(EventForm.YES, "申込みを受け付ける")));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("イベント管理", "/secretariat/events"), Crumb.here(heading)));
        return "events/editor";
    }
}
