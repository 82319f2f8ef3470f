package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.FileDownloads;
import jp.kodoku.platform.gateway.web.JapaneseMessages;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting's agenda (議事次第) and attendance on the meeting page: its chair and the secretariat add, change, move and
 * remove items, attach files to them (uploaded as multipart, checked by the module like the API's) and record who
 * attended; insiders download the files, anyone those of a public meeting. The same commands as the API's
 * {@link AgendaController} and {@link MeetingsController}; each form carries the meeting's version as If-Match does.
 */
@PageController
class AgendaPages {

    private static final Pattern ATTENDEE = Pattern.compile("attendance\\[(\\d+)]\\.(\\w+)");

    private final SubcommitteeReads reads;
    private final Commands commands;
    private final Queries queries;
    private final FileDownloads files;

    AgendaPages(SubcommitteeReads reads, Commands commands, Queries queries, FileDownloads files) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda")
    String add(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Long version,
               @RequestParam(required = false) String title, @RequestParam(required = false) String presenter,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        reads.meetingDetails(id, meetingId);
        try {
            commands.send(new AddAgendaItem(PathIds.mid(meetingId), PathIds.sid(id), version,
                    new AgendaItemId(UUID.randomUUID().toString()), title, presenter(details, presenter)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return ChairPages.meetingPage(model, reads, details, meetingId, "agenda-add",
                    renamed(e.violations(), Map.of("title", "addTitle", "presenterOrganizationId", "addPresenter")),
                    Map.of("addTitle", ChairPages.nz(title), "addPresenter", ChairPages.nz(presenter)));
        }
        redirect.addFlashAttribute("flash", "議題を追加しました。");
        return back(id, meetingId);
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}")
    String change(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                  @RequestParam(required = false) Long version, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String presenter, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        int row = row(reads.meetingDetails(id, meetingId), itemId);
        try {
            commands.send(new ChangeAgendaItem(PathIds.mid(meetingId), PathIds.sid(id), version, PathIds.item(itemId),
                    title, presenter(details, presenter)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return ChairPages.meetingPage(model, reads, details, meetingId, "item-" + itemId,
                    renamed(e.violations(), Map.of("title", "item" + row + "Title",
                            "presenterOrganizationId", "item" + row + "Presenter")),
                    Map.of("item" + row + "Title", ChairPages.nz(title), "item" + row + "Presenter", ChairPages.nz(presenter)));
        }
        redirect.addFlashAttribute("flash", "議題を変更しました。");
        return back(id, meetingId);
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}/removal")
    String remove(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        row(reads.meetingDetails(id, meetingId), itemId);
        commands.send(new RemoveAgendaItem(PathIds.mid(meetingId), PathIds.sid(id), version, PathIds.item(itemId)));
        redirect.addFlashAttribute("flash", "議題を削除しました。");
        return back(id, meetingId);
    }

    /** One step up or down: without JavaScript the order changes by buttons, each a whole new order for the module. */
    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}/move")
    String move(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                @RequestParam(required = false) Long version, @RequestParam(required = false) String direction,
                RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        MeetingDetails meeting = reads.meetingDetails(id, meetingId);
        int from = row(meeting, itemId);
        int to = "up".equals(direction) ? from - 1 : "down".equals(direction) ? from + 1 : -1;
        if (to < 0 || to >= meeting.agenda().size()) {
            throw new InvalidSubcommitteeInput("direction", "議題をその方向へは移動できません");
        }
        List<AgendaItemId> order = new ArrayList<>(meeting.agenda().stream().map(i -> new AgendaItemId(i.itemId())).toList());
        order.add(to, order.remove(from));
        commands.send(new ReorderAgenda(PathIds.mid(meetingId), PathIds.sid(id), version, order));
        redirect.addFlashAttribute("flash", "議題の順番を変えました。");
        return back(id, meetingId);
    }

    /**
     * A file for an item, as multipart (the form sends its CSRF token in the address too, so a file over the limit is
     * refused here, at the field, rather than by the CSRF check: ADR 0042). The request is read inside, not bound as
     * arguments, so that a file over the servlet's limit becomes this form's error.
     */
    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}/files")
    String attach(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                  HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        int row = row(reads.meetingDetails(id, meetingId), itemId);
        String field = "item" + row + "File";
        try {
            // under the security filters' wrappers when the request came as multipart
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile file = multipart == null ? null : multipart.getFile("file");
            commands.send(new AttachAgendaFile(PathIds.mid(meetingId), PathIds.sid(id), version(request.getParameter("version")),
                    PathIds.item(itemId), FileDownloads.upload(file)));
        } catch (MaxUploadSizeExceededException e) {
            response.setStatus(413);
            return ChairPages.meetingPage(model, reads, details, meetingId, "file-" + itemId, FormErrors.of(List.of(
                    new FieldViolation(field, "ファイルが大きすぎます。添付できるのは10MB（10,485,760バイト）までです。"))), Map.of());
        } catch (InvalidInput e) {
            response.setStatus(400);
            return ChairPages.meetingPage(model, reads, details, meetingId, "file-" + itemId,
                    renamed(e.violations(), Map.of("file", field)), Map.of());
        }
        redirect.addFlashAttribute("flash", "ファイルを添付しました。");
        return back(id, meetingId);
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}/files/{sha256}/removal")
    String detach(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                  @PathVariable String sha256, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        row(reads.meetingDetails(id, meetingId), itemId);
        commands.send(new RemoveAgendaFile(PathIds.mid(meetingId), PathIds.sid(id), version, PathIds.item(itemId),
                PathIds.sha256(sha256)));
        redirect.addFlashAttribute("flash", "ファイルを外しました。");
        return back(id, meetingId);
    }

    /** An item's file, as an attachment (nosniff), for whoever may read the meeting's agenda ({@link AgendaController}). */
    @GetMapping("/subcommittees/{id}/meetings/{meetingId}/agenda/{itemId}/files/{sha256}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String meetingId, @PathVariable String itemId,
                                    @PathVariable String sha256) {
        return files.download(AgendaController.readableItem(queries, id, meetingId, itemId).files(), PathIds.sha256(sha256));
    }

    /**
     * Who attended: a number of people per member organization (empty or 0: not there), sent as the whole list as the
     * API's PUT does.
     */
    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/attendance")
    String attendance(@PathVariable String id, @PathVariable String meetingId,
                      @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        reads.meetingDetails(id, meetingId);
        List<SubcommitteeDetails.Member> members = details.members();
        List<Attendance> attended = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<FieldViolation> wrong = new ArrayList<>();
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            OrganizationRef organization = members.get(i).organization();
            String people = ChairPages.nz(form.get("people-" + organization.id())).strip();
            typed.put("people" + i, people);
            if (people.isEmpty() || people.equals("0")) {
                continue;
            }
            try {
                attended.add(new Attendance(organization, Integer.parseInt(people)));
                rows.add(i);
            } catch (NumberFormatException e) {
                wrong.add(new FieldViolation("people" + i, organization.name() + "の人数は半角数字で入力してください"));
            }
        }
        try {
            if (!wrong.isEmpty()) {
                throw new InvalidSubcommitteeInput(wrong);
            }
            commands.send(new RecordAttendance(PathIds.mid(meetingId), PathIds.sid(id), version(form.get("version")), attended));
        } catch (InvalidInput e) {
            response.setStatus(400);
            List<FieldViolation> shown = new ArrayList<>();
            for (FieldViolation v : e.violations()) {
                Matcher m = ATTENDEE.matcher(v.field() == null ? "" : v.field());
                shown.add(m.matches() ? new FieldViolation("people" + rows.get(Integer.parseInt(m.group(1))),
                        JapaneseMessages.field("people", v.message())) : v);
            }
            return ChairPages.meetingPage(model, reads, details, meetingId, "attendance", FormErrors.of(shown), typed);
        }
        redirect.addFlashAttribute("flash", "出席を記録しました。");
        return back(id, meetingId);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static String back(String id, String meetingId) {
        return "redirect:/subcommittees/" + id + "/meetings/" + meetingId;
    }

    /** The item's place on the agenda (its forms' fields are item0Title, item1Title, …); not found when it is none. */
    private static int row(MeetingDetails meeting, String itemId) {
        PathIds.item(itemId);
        for (int i = 0; i < meeting.agenda().size(); i++) {
            if (meeting.agenda().get(i).itemId().equals(itemId)) {
                return i;
            }
        }
        throw new NotFound("no such agenda item");
    }

    /** A presenter chosen from the members, or none when the choice is left empty. */
    private static OrganizationRef presenter(SubcommitteeDetails details, String organizationId) {
        return organizationId == null || organizationId.isBlank() ? null
                : Presenters.member(details, organizationId, "presenterOrganizationId");
    }

    /** The form's version field; anything but a number is no version (the write then takes the newest). */
    private static Long version(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSubcommitteeInput("version", "is not a number");
        }
    }

    /**
     * The module's fields shown at this form's own (several forms on one page keep their ids apart), each message in
     * Japanese with the field's label the module named.
     */
    static FormErrors renamed(List<FieldViolation> violations, Map<String, String> fields) {
        return FormErrors.of(violations.stream().map(v -> new FieldViolation(
                fields.getOrDefault(v.field() == null ? "" : v.field(), v.field()),
                JapaneseMessages.field(v.field(), v.message()))).toList());
    }
}
