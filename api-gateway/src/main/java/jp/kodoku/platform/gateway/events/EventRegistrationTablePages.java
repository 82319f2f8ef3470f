package jp.kodoku.platform.gateway.events;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's table of one event's registrations and waitlist (confirmed in acceptance order, the waitlist in
 * its order, pending, ended), its CSV for Excel, moving a waitlist entry and removing a registration, each with a
 * reason. The same commands and queries as the API's {@code /api/v1/events/{id}/registrations}.
 */
@PageController
class EventRegistrationTablePages {

    private final Queries queries;
    private final Commands commands;
    private final EventRegistrationsCsvController csv;

    EventRegistrationTablePages(Queries queries, Commands commands, EventRegistrationsCsvController csv) {
        this.queries = queries;
        this.commands = commands;
        this.csv = csv;
    }

    @GetMapping("/secretariat/events/{id}/registrations")
    String table(@PathVariable String id, Model model) {
        Access.requireSecretariat();
        return table(model, find(id), FormErrors.NONE);
    }

    /** The API's CSV export, served to the signed-in secretariat's session (a link cannot carry a bearer token). */
    @GetMapping("/secretariat/events/{id}/registrations.csv")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        return csv.registrations(id);
    }

    @PostMapping("/secretariat/events/{id}/registrations/{registrationId}/waitlist-position")
    String move(@PathVariable String id, @PathVariable String registrationId,
                @RequestParam(required = false) String position, @RequestParam(required = false) String reason,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new MoveWaitlistEntry(new EventId(id), new RegistrationId(registrationId),
                    position(position), reason));
        } catch (InvalidInput e) {
            return failed(id, registrationId, model, response, e, "reason");
        }
        redirect.addFlashAttribute("flash", "キャンセル待ちの順番を変えました。反映まで数秒かかることがあります。");
        return "redirect:/secretariat/events/" + id + "/registrations";
    }

    @PostMapping("/secretariat/events/{id}/registrations/{registrationId}/removal")
    String remove(@PathVariable String id, @PathVariable String registrationId,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Access.requireSecretariat();
        try {
            commands.send(new RemoveRegistration(new EventId(id), new RegistrationId(registrationId), reason));
        } catch (InvalidInput e) {
            return failed(id, registrationId, model, response, e, "removal");
        }
        redirect.addFlashAttribute("flash", "申込みを取り消しました。空いた席はキャンセル待ちの方に繰り上げます。"
                + "反映まで数秒かかることがあります。");
        return "redirect:/secretariat/events/" + id + "/registrations";
    }

    /**
     * Each row has its own fields: the error is shown at the row's field ("position-&lt;id&gt;"); the reason of a move
     * and of a removal are two fields of the row ({@code reasonField}).
     */
    private String failed(String id, String registrationId, Model model, HttpServletResponse response, InvalidInput e,
                          String reasonField) {
        response.setStatus(400);
        List<FieldViolation> violations = e.violations().stream()
                .map(v -> new FieldViolation((v.field().equals("reason") ? reasonField : v.field()) + "-"
                        + registrationId, v.message())).toList();
        return table(model, find(id), FormErrors.of(violations));
    }

    private String table(Model model, EventSummary event, FormErrors errors) {
        List<RegistrationSummary> registrations = queries.list(new ListRegistrations(event.eventId()),
                RegistrationSummary.class);
        Map<String, String> names = new HashMap<>();
        registrations.stream().filter(r -> r.organizationId() != null).forEach(r -> names.computeIfAbsent(
                r.organizationId().value(), o -> queries.optional(new FindOrganization(r.organizationId()),
                        OrganizationDetails.class).map(d -> d.profile() == null ? o : d.profile().name()).orElse(o)));
        model.addAttribute("event", event);
        model.addAttribute("title", EventCalendar.title(event));
        model.addAttribute("registrations", registrations);
        model.addAttribute("organizationNames", names);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("イベント管理", "/secretariat/events"),
                Crumb.to(EventCalendar.title(event), "/secretariat/events/" + event.eventId().value()),
                Crumb.here("申込者")));
        return "events/registrations";
    }

    private static int position(String position) {
        try {
            return Integer.parseInt(position == null ? "" : position.trim());
        } catch (NumberFormatException e) {
            throw new InvalidEventInput("position", "移動先の順番を数字で入力してください");
        }
    }

    private EventSummary find(String id) {
        return queries.optional(new FindEvent(new EventId(id), CalendarView.SECRETARIAT), EventSummary.class)
                      .orElseThrow(() -> new NotFound("no such event"));
    }
}
