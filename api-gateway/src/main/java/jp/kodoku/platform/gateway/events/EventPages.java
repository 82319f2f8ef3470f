package jp.kodoku.platform.gateway.events;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.ratelimit.ApplicationRateLimiter;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.SecretLinks;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.Prefecture;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The events as everyone sees them: the calendar (a month, or a list), one event with its registration form (a member
 * admin registers the organization's staff; the public gives a name and an e-mail address and confirms it through the
 * mailed link), and the registrant's own page behind that link (confirm, see the waitlist position, cancel). The same
 * commands and queries as the API's {@code /api/v1/events}; what a viewer may see is the API's {@link CalendarView}.
 *
 * <p>A registration made on these pages has one secret for both of the API's links (confirmation and access): the
 * page never shows it, so only the mailbox holds it, and the mailed confirmation link is the registrant's page for
 * good. The online URL is shown only with a confirmed registration, never on the event's page.
 */
@PageController
class EventPages {

    private final Queries queries;
    private final Commands commands;
    private final EventCalendar calendar;
    private final ApplicationRateLimiter rateLimiter;

    EventPages(Queries queries, Commands commands, EventCalendar calendar, ApplicationRateLimiter rateLimiter) {
        this.queries = queries;
        this.commands = commands;
        this.calendar = calendar;
        this.rateLimiter = rateLimiter;
    }

    // ---- the calendar ---------------------------------------------------------------------------------------------

    @GetMapping("/events")
    String calendar(@RequestParam(defaultValue = "list") String view, @RequestParam(required = false) String month,
                    @RequestParam(required = false) EventKind kind, @RequestParam(required = false) String prefecture,
                    Model model) {
        if (prefecture != null && prefecture.isEmpty()) {
            prefecture = null;
        }
        if (prefecture != null && !Prefecture.isValidCode(prefecture)) {
            throw new InvalidEventInput("prefecture", "都道府県を一覧から選んでください");
        }
        CalendarView seen = EventsAccess.viewOf(Caller.current());
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        YearMonth shown = month == null || month.isEmpty() ? YearMonth.from(today) : parseMonth(month);
        boolean monthView = "month".equals(view);
        if (monthView) {
            model.addAttribute("month", calendar.month(seen, shown, kind, prefecture));
        } else {
            // the list: the month asked for, or from today on when none is
            LocalDate from = month == null || month.isEmpty() ? today : shown.atDay(1);
            LocalDate to = month == null || month.isEmpty() ? today.plusYears(1) : shown.atEndOfMonth();
            model.addAttribute("entries", calendar.between(seen, from, to, kind, prefecture));
        }
        model.addAttribute("monthView", monthView);
        model.addAttribute("shown", shown);
        model.addAttribute("monthGiven", month != null && !month.isEmpty());
        model.addAttribute("kind", kind == null ? "" : kind.name());
        model.addAttribute("prefecture", prefecture == null ? "" : prefecture);
        model.addAttribute("kinds", EventLabels.kinds());
        model.addAttribute("prefectures", EventLabels.prefectures());
        model.addAttribute("listUrl", calendarUrl("list", month, kind, prefecture));
        model.addAttribute("monthUrl", calendarUrl("month", shown.toString(), kind, prefecture));
        model.addAttribute("previousUrl", calendarUrl(view, shown.minusMonths(1).toString(), kind, prefecture));
        model.addAttribute("nextUrl", calendarUrl(view, shown.plusMonths(1).toString(), kind, prefecture));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("イベント")));
        return "events/calendar";
    }

    private static String calendarUrl(String view, String month, EventKind kind, String prefecture) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/events").queryParam("view", view);
        if (month != null && !month.isEmpty()) {
            url.queryParam("month", month);
        }
        if (kind != null) {
            url.queryParam("kind", kind.name());
        }
        if (prefecture != null) {
            url.queryParam("prefecture", prefecture);
        }
        return url.encode().build().toUriString();
    }

    private static YearMonth parseMonth(String month) {
        try {
            YearMonth ym = YearMonth.parse(month);
            if (ym.getYear() < 2000 || ym.getYear() > 2100) {
                throw new InvalidEventInput("month", "2000年から2100年までの月を指定してください");
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw new InvalidEventInput("month", "月は 2026-05 のように指定してください");
        }
    }

    // ---- one event and its registration ---------------------------------------------------------------------------

    @GetMapping("/events/{id}")
    String event(@PathVariable String id, Model model) {
        return eventPage(model, find(id), new RegistrationForm("", "", 1), FormErrors.NONE);
    }

    @PostMapping("/events/{id}/registrations")
    String registerStaff(@PathVariable String id, @RequestParam(required = false) String seats, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = Caller.current();
        if (!caller.roles().contains(Caller.MEMBER_ADMIN) || caller.organizationId() == null) {
            throw new AccessDeniedException("only a member organization's admin registers its staff");
        }
        EventSummary event = find(id);
        RegistrationOutcome outcome;
        try {
            outcome = commands.send(new RegisterMember(event.eventId(), RegistrationId.random(),
                    new OrganizationId(caller.organizationId()), caller.principal(), seats(seats), accountEmail()),
                    RegistrationOutcome.class);
        } catch (InvalidInput e) {
            response.setStatus(400);
            return eventPage(model, event, new RegistrationForm("", "", 1), FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", outcomeText(outcome));
        // straight to the organization's page: a flash message lives through one redirect only
        return "redirect:/organizations/" + caller.organizationId() + "/event-registrations";
    }

    @PostMapping("/events/{id}/public-registrations")
    String registerPublicly(@PathVariable String id, @RequestParam(required = false) String name,
                            @RequestParam(required = false) String email, @RequestParam(required = false) String seats,
                            Model model, HttpServletRequest request, HttpServletResponse response,
                            RedirectAttributes redirect) {
        EventSummary event = find(id);
        RegistrationForm form = new RegistrationForm(name == null ? "" : name, email == null ? "" : email, 1);
        rateLimiter.acquire(request.getRemoteAddr());
        String token = SecretLinks.newToken();
        String hash = SecretLinks.hash(token);
        try {
            commands.send(new RequestPublicRegistration(event.eventId(), RegistrationId.random(), name, email,
                    seats(seats), hash, hash, token), RegistrationOutcome.class);
        } catch (InvalidInput e) {
            response.setStatus(400);
            return eventPage(model, event, form, FormErrors.of(e.violations()));
        }
        redirect.addFlashAttribute("flash", "お申込みを受け付けました。入力したメールアドレスに確認のメールを送りました。"
                + "メールのリンクを開いて確認すると、お席（満席の場合はキャンセル待ち）が確保されます。");
        return "redirect:/events/" + id;
    }

    private String eventPage(Model model, EventSummary event, RegistrationForm form, FormErrors errors) {
        Caller caller = Caller.current();
        boolean open = registrationOpen(event);
        boolean memberAdmin = caller.roles().contains(Caller.MEMBER_ADMIN) && caller.organizationId() != null;
        model.addAttribute("event", event);
        model.addAttribute("title", EventCalendar.title(event));
        model.addAttribute("open", open);
        model.addAttribute("full", event.registration() != null && event.registration().capacity() != null
                && event.confirmedSeats() >= event.registration().capacity());
        model.addAttribute("memberForm", open && memberAdmin);
        model.addAttribute("publicForm", open && !memberAdmin && !caller.isSecretariat()
                && event.visibility() == Visibility.PUBLIC);
        model.addAttribute("seatOptions", event.registration() == null ? List.of()
                : IntStream.rangeClosed(1, event.registration().seatLimit()).boxed().toList());
        model.addAttribute("ours", memberAdmin ? queries.list(new ListOrganizationRegistrations(
                new OrganizationId(caller.organizationId())), RegistrationSummary.class).stream()
                .filter(r -> r.eventId().equals(event.eventId())).toList() : List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("イベント", "/events"), Crumb.here(EventCalendar.title(event))));
        return "events/event";
    }

    /** Announced, taking registrations, and now within its window; the command decides for good. */
    static boolean registrationOpen(EventSummary event) {
        RegistrationSettings r = event.registration();
        if (r == null || !(event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.RESCHEDULED)) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(Schedule.JAPAN);
        LocalDateTime start = event.schedule().startsAt().atZone(Schedule.JAPAN).toLocalDateTime();
        return (r.opensAt() == null || !now.isBefore(r.opensAt()))
                && now.isBefore(r.closesAt() == null ? start : r.closesAt());
    }

    // ---- the registrant's page behind the mailed link -------------------------------------------------------------

    @GetMapping("/events/{id}/registrations/confirm")
    String registrant(@PathVariable String id, @RequestParam(required = false) String token, Model model,
                      HttpServletResponse response) {
        String hash = SecretLinks.hash(token(token));
        RegistrationSummary registration = queries.optional(new FindRegistrationByAccessToken(new EventId(id), hash),
                RegistrationSummary.class).orElse(null);
        Object written = model.getAttribute("writtenVersion");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        model.addAttribute("eventId", id);
        model.addAttribute("token", token);
        model.addAttribute("registration", registration);
        model.addAttribute("catchingUp", registration != null && written instanceof Long version
                && registration.version() < version);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("イベント", "/events"), Crumb.here("お申込みの確認")));
        return "events/registrant";
    }

    @PostMapping("/events/{id}/registrations/confirm")
    String confirm(@PathVariable String id, @RequestParam(required = false) String token, RedirectAttributes redirect) {
        RegistrationOutcome outcome = commands.send(new ConfirmPublicRegistration(new EventId(id),
                SecretLinks.hash(token(token))), RegistrationOutcome.class);
        redirect.addFlashAttribute("flash", "メールアドレスを確認しました。" + outcomeText(outcome));
        redirect.addFlashAttribute("writtenVersion", outcome.version());
        return registrantRedirect(id, token);
    }

    @PostMapping("/events/{id}/registrations/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String token, RedirectAttributes redirect) {
        long version = commands.send(new CancelRegistrationByLink(new EventId(id), SecretLinks.hash(token(token))));
        redirect.addFlashAttribute("flash", "お申込みをキャンセルしました。");
        redirect.addFlashAttribute("writtenVersion", version);
        return registrantRedirect(id, token);
    }

    private static String registrantRedirect(String id, String token) {
        return "redirect:" + UriComponentsBuilder.fromPath("/events/{id}/registrations/confirm")
                                                 .queryParam("token", token).buildAndExpand(id).encode().toUriString();
    }

    // ---- shared -----------------------------------------------------------------------------------------------------

    static String outcomeText(RegistrationOutcome outcome) {
        return switch (outcome.status()) {
            case CONFIRMED -> "参加が確定しました。";
            case WAITLISTED -> "満席のため、キャンセル待ち（" + outcome.waitlistPosition() + "番目）で受け付けました。"
                    + "お席が空くと繰り上がり、メールでお知らせします。";
            default -> "お申込みの状態：" + outcome.status();
        };
    }

    private EventSummary find(String id) {
        return queries.optional(new FindEvent(new EventId(id), EventsAccess.viewOf(Caller.current())),
                EventSummary.class).orElseThrow(() -> new NotFound("no such event"));
    }

    /** The form sends text; a number that is not one is the field's error, as the command's rules report theirs. */
    private static int seats(String seats) {
        try {
            return Integer.parseInt(seats == null ? "" : seats.trim());
        } catch (NumberFormatException e) {
            throw new InvalidEventInput("seats", "席数を選んでください");
        }
    }

    private static String token(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFound("no registration behind this link");
        }
        return token;
    }

    /** Where the registration's mails go: the signed-in member admin's own address. */
    private static String accountEmail() {
        return SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof OidcUser user
                ? user.getEmail() : null;
    }

    record RegistrationForm(String name, String email, int seats) {
    }
}
