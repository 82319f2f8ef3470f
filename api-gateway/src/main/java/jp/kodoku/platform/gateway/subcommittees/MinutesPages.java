package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.StaleVersion;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * A meeting's minutes (議事録) on pages. Its chair and the secretariat draft them (every save a revision with who and
 * when), read the revisions, compare two line by line, restore one, finalize them after a confirmation and publish them
 * to the members or to anyone. Readers as the API's {@link MinutesController} says: drafts only the drafters, minutes
 * published to the members the subcommittee's insiders, public minutes anyone (so the page needs no sign-in: it refuses
 * what the visitor may not see).
 */
@PageController
class MinutesPages {

    private final SubcommitteeReads reads;
    private final Commands commands;

    MinutesPages(SubcommitteeReads reads, Commands commands) {
        this.reads = reads;
        this.commands = commands;
    }

    @GetMapping("/subcommittees/{id}/meetings/{meetingId}/minutes")
    String minutes(@PathVariable String id, @PathVariable String meetingId, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        MinutesDetails minutes = readable(details, meetingId);
        return page(model, details, meetingId, minutes, minutes == null ? "" : minutes.text(), FormErrors.NONE);
    }

    /** Saves the text as the next revision; a save on a version someone else has moved past keeps the text typed. */
    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/minutes")
    String save(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Long version,
                @RequestParam(required = false) String text, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        reads.meetingDetails(id, meetingId);
        // a browser sends a text area's line breaks as CRLF; the minutes keep them as the API's JSON does (LF), so
        // that the comparison of revisions saved from either sees the same lines
        text = text == null ? null : text.replace("\r\n", "\n");
        try {
            commands.send(new SaveMinutes(PathIds.mid(meetingId), PathIds.sid(id), version, text));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return page(model, details, meetingId, reads.minutes(id, meetingId), text,
                    AgendaPages.renamed(e.violations(), java.util.Map.of()));
        } catch (StaleVersion e) {
            response.setStatus(412);
            // the newest revision beside what this person typed: saving again (now at the newest version) replaces it
            model.addAttribute("stale", true);
            return page(model, details, meetingId, reads.minutes(id, meetingId), text, FormErrors.NONE);
        }
        redirect.addFlashAttribute("flash", "議事録を保存しました。新しい版として記録されます。");
        return back(id, meetingId);
    }

    @GetMapping("/subcommittees/{id}/meetings/{meetingId}/minutes/comparison")
    String compare(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Integer from,
                   @RequestParam(required = false) Integer to, Model model) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        MinutesDetails minutes = reads.minutes(id, meetingId);
        if (minutes == null) {
            throw new NotFound("the meeting has no minutes yet");
        }
        if (from == null || to == null) {
            throw new InvalidSubcommitteeInput(List.of(new FieldViolation("from", "比べる2つの版を選んでください")));
        }
        MinutesComparison comparison = reads.comparison(id, meetingId, from, to);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("minutes", minutes);
        model.addAttribute("comparison", comparison);
        model.addAttribute("added", comparison.lines().stream().filter(l -> l.change() == MinutesComparison.Change.ADDED).count());
        model.addAttribute("removed", comparison.lines().stream().filter(l -> l.change() == MinutesComparison.Change.REMOVED).count());
        model.addAttribute("crumbs", crumbs(details, minutes.meetingTitle(), meetingId, "第" + from + "版と第" + to + "版の比較"));
        return "subcommittees/minutes-comparison";
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/minutes/revisions/{revision}/restoration")
    String restore(@PathVariable String id, @PathVariable String meetingId, @PathVariable int revision,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        reads.meetingDetails(id, meetingId);
        commands.send(new RestoreMinutesRevision(PathIds.mid(meetingId), PathIds.sid(id), version, revision));
        redirect.addFlashAttribute("flash", "第" + revision + "版の内容を新しい版として復元しました。");
        return back(id, meetingId);
    }

    /** The confirmation before finalizing: what will be locked, and that nothing changes it afterwards. */
    @GetMapping("/subcommittees/{id}/meetings/{meetingId}/minutes/finalization")
    String confirmFinalization(@PathVariable String id, @PathVariable String meetingId, Model model) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        MinutesDetails minutes = reads.minutes(id, meetingId);
        if (minutes == null) {
            throw new NotFound("the meeting has no minutes yet");
        }
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("minutes", minutes);
        model.addAttribute("crumbs", crumbs(details, minutes.meetingTitle(), meetingId, "議事録の確定"));
        return "subcommittees/minutes-finalization";
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/minutes/finalization")
    String finalizeMinutes(@PathVariable String id, @PathVariable String meetingId,
                           @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        reads.meetingDetails(id, meetingId);
        commands.send(new FinalizeMinutes(PathIds.mid(meetingId), PathIds.sid(id), version));
        redirect.addFlashAttribute("flash", "議事録を確定しました。以後は変更できません。");
        return back(id, meetingId);
    }

    @PostMapping("/subcommittees/{id}/meetings/{meetingId}/minutes/publication")
    String publish(@PathVariable String id, @PathVariable String meetingId, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String audience, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        SubcommitteeAccess.requireRuns(id);
        SubcommitteeDetails details = reads.subcommittee(id);
        reads.meetingDetails(id, meetingId);
        Visibility to = "PUBLIC".equals(audience) ? Visibility.PUBLIC : "MEMBERS".equals(audience) ? Visibility.MEMBERS : null;
        try {
            if (to == null) {
                throw new InvalidSubcommitteeInput("audience", "公開先を選んでください");
            }
            commands.send(new PublishMinutes(PathIds.mid(meetingId), PathIds.sid(id), version, to));
        } catch (InvalidInput e) {
            response.setStatus(400);
            MinutesDetails minutes = reads.minutes(id, meetingId);
            return page(model, details, meetingId, minutes, minutes == null ? "" : minutes.text(),
                    AgendaPages.renamed(e.violations(), java.util.Map.of()));
        }
        redirect.addFlashAttribute("flash", to == Visibility.PUBLIC ? "議事録を一般に公開しました。"
                : "議事録を分科会の構成団体に公開しました。");
        return back(id, meetingId);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /**
     * The minutes the visitor may read (null: none yet, for who drafts them), or refused as the API refuses: not found
     * only for insiders, drafts only for the drafters, published ones as their audience says.
     */
    private MinutesDetails readable(SubcommitteeDetails details, String meetingId) {
        String id = details.summary().id();
        MinutesDetails minutes = reads.minutes(id, meetingId);
        if (minutes == null) {
            SubcommitteeAccess.requireInsider(details);
            reads.meetingDetails(id, meetingId);
            if (!SubcommitteeAccess.runs(id)) {
                throw new NotFound("the meeting has no minutes yet");
            }
            return null; // the drafters start them here
        }
        if (minutes.audience() == null) {
            SubcommitteeAccess.requireRuns(id); // a draft, or finalized but not yet published
        } else {
            SubcommitteeAccess.requireReader(details, minutes.audience());
        }
        return minutes;
    }

    private String page(Model model, SubcommitteeDetails details, String meetingId, MinutesDetails minutes, String text,
                        FormErrors errors) {
        String id = details.summary().id();
        boolean runs = SubcommitteeAccess.runs(id);
        String title = minutes != null ? minutes.meetingTitle() : reads.meetingDetails(id, meetingId).meeting().title();
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("meetingTitle", title);
        model.addAttribute("minutes", minutes);
        model.addAttribute("text", text);
        model.addAttribute("runs", runs);
        model.addAttribute("insider", SubcommitteeAccess.isInsider(details));
        model.addAttribute("revisions", runs && minutes != null ? reads.revisions(id, meetingId) : List.of());
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", crumbs(details, title, meetingId, null));
        return "subcommittees/minutes";
    }

    /** To the meeting's page for insiders; the public (public minutes) does not see the meeting page. */
    private static List<Crumb> crumbs(SubcommitteeDetails details, String meetingTitle, String meetingId, String here) {
        String id = details.summary().id();
        Crumb subcommittee = Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id);
        if (!SubcommitteeAccess.isInsider(details)) {
            return Crumb.trail(Crumb.to("分科会", "/subcommittees"), subcommittee, Crumb.here("議事録"));
        }
        Crumb meeting = Crumb.to(meetingTitle, "/subcommittees/" + id + "/meetings/" + meetingId);
        if (here == null) {
            return Crumb.trail(Crumb.to("分科会", "/subcommittees"), subcommittee, meeting, Crumb.here("議事録"));
        }
        return Crumb.trail(Crumb.to("分科会", "/subcommittees"), subcommittee, meeting,
                Crumb.to("議事録", "/subcommittees/" + id + "/meetings/" + meetingId + "/minutes"), Crumb.here(here));
    }

    private static String back(String id, String meetingId) {
        return "redirect:/subcommittees/" + id + "/meetings/" + meetingId + "/minutes";
    }
}
