package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a subcommittee's chair (座長; only the one its token names) and the secretariat do on pages: members and
 * requests to join, date polls (open, slots, confirm) and meetings (reschedule, cancel, place). Every write carries
 * the version the page was read at, as the API's If-Match does.
 */
@PageController
class ChairPages {

    /** Rows for candidate slots on the new poll's form: the page works without JavaScript, so no "add a row" button. */
    static final int NEW_POLL_ROWS = 6;

    private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

    private final SubcommitteeReads reads;
    private final Commands commands;

    ChairPages(SubcommitteeReads reads, Commands commands) {
        this.reads = reads;
        this.commands = commands;
    }

    /** The header's link for a chair: the subcommittee its token names. */
    @GetMapping("/my-subcommittee")
    String mine() {
        String id = SubcommitteeAccess.chairedBy(Caller.current());
        if (id == null) {
            throw new AccessDeniedException("no subcommittee in the token");
        }
        return "redirect:/subcommittees/" + id + "/meetings";
    }

    // ---- members and requests -------------------------------------------------------------------------------------

    @GetMapping("/subcommittees/{id}/members")
    String members(@PathVariable String id, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        SubcommitteeAccess.requireInsider(details);
        return membersPage(model, details, null, FormErrors.NONE);
    }

    @PostMapping("/subcommittees/{id}/requests/{organizationId}/approval")
    String approve(@PathVariable String id, @PathVariable String organizationId,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        String name = requester(reads.subcommittee(id), organizationId);
        commands.send(new ApproveSubcommitteeMembershipRequest(SubcommitteeReads.sid(id), version,
                new OrganizationId(organizationId)));
        redirect.addFlashAttribute("flash", name + "の参加を承認しました。");
        return "redirect:/subcommittees/" + id + "/members";
    }

    @PostMapping("/subcommittees/{id}/requests/{organizationId}/decline")
    String decline(@PathVariable String id, @PathVariable String organizationId,
                   @RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        String name = requester(details, organizationId);
        try {
            commands.send(new DeclineSubcommitteeMembershipRequest(SubcommitteeReads.sid(id), version,
                    new OrganizationId(organizationId), reason));
        } catch (InvalidInput e) {
            response.setStatus(400);
            // the reason field of this request's form: declineReason0, declineReason1, … in the requests' order
            int row = details.requests().stream().map(r -> r.organization().id()).toList().indexOf(organizationId);
            return membersPage(model, details, organizationId, FormErrors.of(e.violations().stream()
                    .map(v -> new FieldViolation("declineReason" + row, v.message())).toList()));
        }
        redirect.addFlashAttribute("flash", name + "の参加申請をお断りしました。");
        return "redirect:/subcommittees/" + id + "/members";
    }

    private static String requester(SubcommitteeDetails details, String organizationId) {
        return details.requests().stream().filter(r -> r.organization().id().equals(organizationId)).findFirst()
                      .map(r -> r.organization().name())
                      .orElseThrow(() -> new jp.kodoku.platform.infra.errors.NotFound("no open request of this organization"));
    }

    private static String membersPage(Model model, SubcommitteeDetails details, String failedRequest, FormErrors errors) {
        String id = details.summary().id();
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("details", details);
        model.addAttribute("runs", SubcommitteeAccess.runs(id));
        model.addAttribute("failedRequest", failedRequest);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id), Crumb.here("構成団体")));
        return "subcommittees/members";
    }

    // ---- date polls -----------------------------------------------------------------------------------------------

    @GetMapping("/subcommittees/{id}/polls/new")
    String newPoll(@PathVariable String id, Model model) {
        SubcommitteeAccess.requireRuns(id);
        return newPollPage(model, reads.subcommittee(id), new NewPollForm(null, null, null, emptyRows()), FormErrors.NONE);
    }

    @PostMapping("/subcommittees/{id}/polls")
    String open(@PathVariable String id, @RequestParam org.springframework.util.MultiValueMap<String, String> sent,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        NewPollForm form = NewPollForm.of(sent);
        SubcommitteeDetails details = reads.subcommittee(id);
        List<FieldViolation> wrong = new ArrayList<>();
        LocalDateTime deadline = null;
        LocalDate deadlineDate = date("deadlineDate", form.deadlineDate(), wrong);
        LocalTime deadlineTime = time("deadlineTime", form.deadlineTime(), wrong);
        if (deadlineDate != null) {
            deadline = deadlineDate.atTime(deadlineTime == null ? LocalTime.of(23, 59) : deadlineTime);
        }
        List<PollSlot> slots = new ArrayList<>();
        List<SlotRow> rows = form.rows();
        for (int i = 0; i < rows.size(); i++) {
            SlotRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            slots.add(new PollSlot(UUID.randomUUID().toString(), date("slot" + i + "Date", row.date(), wrong),
                    time("slot" + i + "Start", row.start(), wrong), time("slot" + i + "End", row.end(), wrong)));
        }
        PollId poll = PollId.random();
        try {
            if (!wrong.isEmpty()) {
                throw new InvalidSubcommitteeInput(wrong);
            }
            commands.send(new OpenDatePoll(poll, SubcommitteeReads.sid(id), form.title(), deadline, slots));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return newPollPage(model, details, form, newPollErrors(e.violations(), rows));
        }
        redirect.addFlashAttribute("flash", "日程調整を始めました。構成団体の回答をお待ちください。");
        return "redirect:/subcommittees/" + id + "/polls/" + poll.value();
    }

    /** The module counts only the rows filled in: its "slots[n]" is the n-th of those, shown at its own row here. */
    private static FormErrors newPollErrors(List<FieldViolation> violations, List<SlotRow> rows) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                filled.add(i);
            }
        }
        List<FieldViolation> shown = new ArrayList<>();
        for (FieldViolation v : violations) {
            String field = v.field() == null ? "" : v.field();
            var slot = java.util.regex.Pattern.compile("slots\\[(\\d+)]\\.(\\w+)").matcher(field);
            if (slot.matches()) {
                int row = filled.get(Integer.parseInt(slot.group(1)));
                String part = slot.group(2);
                field = "slot" + row + Character.toUpperCase(part.charAt(0)) + part.substring(1);
            } else if (field.equals("deadline")) {
                field = "deadlineDate";
            } else if (field.equals("slots")) {
                field = "slot0Date";
            }
            shown.add(new FieldViolation(field, v.message()));
        }
        return FormErrors.of(shown);
    }

    private static String newPollPage(Model model, SubcommitteeDetails details, NewPollForm form, FormErrors errors) {
        String id = details.summary().id();
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id),
                Crumb.to("会議と日程調整", "/subcommittees/" + id + "/meetings"), Crumb.here("日程調整を始める")));
        return "subcommittees/poll-new";
    }

    @PostMapping("/subcommittees/{id}/polls/{pollId}/slots")
    String addSlot(@PathVariable String id, @PathVariable String pollId, @ModelAttribute SlotForm form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        return slotWrite(id, pollId, "add", form, model, response, redirect, "候補日を追加しました。",
                slot -> new AddPollSlot(SubcommitteeReads.pid(pollId), SubcommitteeReads.sid(id), form.version(),
                        withId(slot, UUID.randomUUID().toString())));
    }

    @PostMapping("/subcommittees/{id}/polls/{pollId}/slots/{slotId}")
    String changeSlot(@PathVariable String id, @PathVariable String pollId, @PathVariable String slotId,
                      @ModelAttribute SlotForm form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        return slotWrite(id, pollId, "slot-" + slotId, form, model, response, redirect,
                "候補日を変更しました。この候補日への回答は取り消されました。",
                slot -> new ChangePollSlot(SubcommitteeReads.pid(pollId), SubcommitteeReads.sid(id), form.version(),
                        withId(slot, slotId)));
    }

    @PostMapping("/subcommittees/{id}/polls/{pollId}/slots/{slotId}/removal")
    String removeSlot(@PathVariable String id, @PathVariable String pollId, @PathVariable String slotId,
                      @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        reads.poll(id, pollId);
        commands.send(new RemovePollSlot(SubcommitteeReads.pid(pollId), SubcommitteeReads.sid(id), version, slotId));
        redirect.addFlashAttribute("flash", "候補日を削除しました。ほかの候補日への回答はそのままです。");
        return "redirect:/subcommittees/" + id + "/polls/" + pollId;
    }

    @PostMapping("/subcommittees/{id}/polls/{pollId}/confirmation")
    String confirm(@PathVariable String id, @PathVariable String pollId, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String slotId, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        DatePollTable table = reads.poll(id, pollId);
        try {
            if (slotId == null || slotId.isBlank()) {
                throw new InvalidSubcommitteeInput("slotId", "確定する候補日を選んでください");
            }
            commands.send(new ConfirmPollSlot(SubcommitteeReads.pid(pollId), SubcommitteeReads.sid(id), version, slotId));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return SubcommitteePages.pollPage(model, details, table, Map.of(), FormErrors.NONE, true, "confirm",
                    FormErrors.of(e.violations()));
        }
        // back to the poll, which links to the meeting: the meeting is made from the confirmation a moment later
        // (MeetingsFromConfirmedPolls), so its own page may not answer yet
        redirect.addFlashAttribute("flash", "日程を確定しました。会議が登録され、構成団体に案内のメールが送られます。");
        return "redirect:/subcommittees/" + id + "/polls/" + pollId;
    }

    private String slotWrite(String id, String pollId, String formName, SlotForm form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect, String done,
                             java.util.function.Function<PollSlot, Object> command) {
        SubcommitteeDetails details = reads.subcommittee(id);
        DatePollTable table = reads.poll(id, pollId);
        // one edit form per slot on the page: its fields are edit0Date, edit1Date, … in the slots' order
        String prefix = "add";
        for (int i = 0; i < table.slots().size(); i++) {
            if (formName.equals("slot-" + table.slots().get(i).slot().slotId())) {
                prefix = "edit" + i;
            }
        }
        try {
            List<FieldViolation> wrong = new ArrayList<>();
            PollSlot slot = new PollSlot(null, date(prefix + "Date", form.date(), wrong),
                    time(prefix + "Start", form.start(), wrong), time(prefix + "End", form.end(), wrong));
            if (!wrong.isEmpty()) {
                throw new InvalidSubcommitteeInput(wrong);
            }
            commands.send(command.apply(slot));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return SubcommitteePages.pollPage(model, details, table, Map.of(), FormErrors.NONE, true, formName,
                    prefixed(e.violations(), prefix));
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/subcommittees/" + id + "/polls/" + pollId;
    }

    // ---- meetings -------------------------------------------------------------------------------------------------

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/rescheduling")
    String reschedule(@PathVariable String id, @PathVariable String meetingId, @ModelAttribute RescheduleForm form,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        MeetingSummary meeting = reads.meeting(id, meetingId);
        try {
            List<FieldViolation> wrong = new ArrayList<>();
            LocalDate date = date("rescheduleDate", form.date(), wrong);
            LocalTime start = time("rescheduleStart", form.start(), wrong);
            LocalTime end = time("rescheduleEnd", form.end(), wrong);
            if (!wrong.isEmpty()) {
                throw new InvalidSubcommitteeInput(wrong);
            }
            commands.send(new RescheduleMeeting(new MeetingId(meetingId), SubcommitteeReads.sid(id), form.version(), date,
                    start, end, form.reason()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return meetingPage(model, reads, details, meeting.meetingId(), "reschedule", prefixed(e.violations(), "reschedule"),
                    Map.of("rescheduleDate", nz(form.date()), "rescheduleStart", nz(form.start()),
                            "rescheduleEnd", nz(form.end()), "rescheduleReason", nz(form.reason())));
        }
        redirect.addFlashAttribute("flash", "日程を変更しました。構成団体に変更のお知らせが送られます。");
        return "redirect:/subcommittees/" + id + "/meetings/" + meetingId;
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/cancellation")
    String cancel(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        MeetingSummary meeting = reads.meeting(id, meetingId);
        try {
            commands.send(new CancelMeeting(new MeetingId(meetingId), SubcommitteeReads.sid(id), version, reason));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return meetingPage(model, reads, details, meeting.meetingId(), "cancel", prefixed(e.violations(), "cancel"),
                    Map.of("cancelReason", nz(reason)));
        }
        redirect.addFlashAttribute("flash", "会議を中止しました。構成団体に中止のお知らせが送られます。");
        return "redirect:/subcommittees/" + id + "/meetings/" + meetingId;
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/place")
    String place(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Long version,
                 @RequestParam(required = false) String venue, @RequestParam(required = false) String onlineUrl,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        MeetingSummary meeting = reads.meeting(id, meetingId);
        try {
            commands.send(new SetMeetingPlace(new MeetingId(meetingId), SubcommitteeReads.sid(id), version,
                    blankToNull(venue), blankToNull(onlineUrl)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return meetingPage(model, reads, details, meeting.meetingId(), "place", FormErrors.of(e.violations()),
                    Map.of("venue", nz(venue), "onlineUrl", nz(onlineUrl)));
        }
        redirect.addFlashAttribute("flash", "開催場所を保存しました。");
        return "redirect:/subcommittees/" + id + "/meetings/" + meetingId;
    }

    /**
     * The meeting page, for insiders: the meeting, its agenda with files, attendance and a link to its minutes; the
     * forms to change them only for who runs the subcommittee. A failed form shows its errors and what was typed.
     */
    static String meetingPage(Model model, SubcommitteeReads reads, SubcommitteeDetails details, String meetingId,
                              String failedForm, FormErrors errors, Map<String, String> typed) {
        String id = details.summary().id();
        MeetingDetails meeting = reads.meetingDetails(id, meetingId);
        MeetingSummary summary = meeting.meeting();
        boolean runs = SubcommitteeAccess.runs(id);
        MinutesDetails minutes = reads.minutes(id, meetingId);
        LocalDateTime begins = summary.start() == null ? summary.date().atStartOfDay() : summary.date().atTime(summary.start());
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("meeting", summary);
        model.addAttribute("details", meeting);
        model.addAttribute("presenters", details.members().stream()
                                                .map(m -> new Option(m.organization().id(), m.organization().name())).toList());
        model.addAttribute("members", details.members());
        model.addAttribute("attended", meeting.attendance().stream()
                                              .collect(java.util.stream.Collectors.toMap(a -> a.organization().id(), Attendance::people)));
        model.addAttribute("attendanceTotal", meeting.attendance().stream().mapToInt(Attendance::people).sum());
        model.addAttribute("begun", !LocalDateTime.now(JAPAN).isBefore(begins));
        // drafts are the drafters' only; the members see minutes once they are published (MinutesController's rule)
        model.addAttribute("minutes", minutes != null && (runs || minutes.audience() != null) ? minutes : null);
        model.addAttribute("runs", runs);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id),
                Crumb.to("会議と日程調整", "/subcommittees/" + id + "/meetings"), Crumb.here(summary.title())));
        return "subcommittees/meeting";
    }

    // ---- forms ----------------------------------------------------------------------------------------------------

    /** A new poll: title, deadline (date and time in Japan) and up to {@link #NEW_POLL_ROWS} candidate rows. */
    record NewPollForm(String title, String deadlineDate, String deadlineTime, List<SlotRow> rows) {

        /** The rows come as slot0Date, slot0Start, slot0End, slot1Date, …: the names the errors are shown at. */
        static NewPollForm of(org.springframework.util.MultiValueMap<String, String> sent) {
            List<SlotRow> rows = new ArrayList<>();
            for (int i = 0; i < NEW_POLL_ROWS; i++) {
                rows.add(new SlotRow(sent.getFirst("slot" + i + "Date"), sent.getFirst("slot" + i + "Start"),
                        sent.getFirst("slot" + i + "End")));
            }
            return new NewPollForm(sent.getFirst("title"), sent.getFirst("deadlineDate"), sent.getFirst("deadlineTime"), rows);
        }

        NewPollForm {
            List<SlotRow> all = new ArrayList<>(rows == null ? List.of() : rows);
            all.replaceAll(r -> r == null ? new SlotRow(null, null, null) : r);
            while (all.size() < NEW_POLL_ROWS) {
                all.add(new SlotRow(null, null, null));
            }
            rows = all.subList(0, NEW_POLL_ROWS);
        }
    }

    record SlotRow(String date, String start, String end) {

        boolean blank() {
            return nz(date).isBlank() && nz(start).isBlank() && nz(end).isBlank();
        }
    }

    record SlotForm(Long version, String date, String start, String end) {
    }

    record RescheduleForm(Long version, String date, String start, String end, String reason) {
    }

    private static List<SlotRow> emptyRows() {
        return List.of();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static PollSlot withId(PollSlot slot, String slotId) {
        return new PollSlot(slotId, slot.date(), slot.start(), slot.end());
    }

    /** A date field as the browser sends it (yyyy-MM-dd); empty is null, for the module's rules to judge. */
    static LocalDate date(String field, String value, List<FieldViolation> wrong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            wrong.add(new FieldViolation(field, "日付は 2026-06-15 の形で入力してください"));
            return null;
        }
    }

    /** A time field (HH:mm); empty is null (both empty: a whole day). */
    static LocalTime time(String field, String value, List<FieldViolation> wrong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            wrong.add(new FieldViolation(field, "時刻は 14:00 の形で入力してください"));
            return null;
        }
    }

    /** The module's "reason" shown at this form's "cancelReason". */
    private static FormErrors prefixed(List<FieldViolation> violations, String prefix) {
        return FormErrors.of(violations.stream()
                                       .map(v -> v.field() != null && v.field().startsWith(prefix) ? v
                                               : new FieldViolation(prefix + capitalized(last(v.field())), v.message()))
                                       .toList());
    }

    private static String last(String field) {
        return field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
