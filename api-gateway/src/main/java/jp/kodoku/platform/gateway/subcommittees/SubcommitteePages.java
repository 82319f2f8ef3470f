package jp.kodoku.platform.gateway.subcommittees;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subcommittees (分科会) as the public, member admins and everyone inside a subcommittee see them: the list, a
 * subcommittee's public page, an organization's subcommittees and its requests to join, the members-only page with
 * meetings and date polls, a meeting, and a poll with its table and the organization's answer. The same queries and
 * commands as the API's controllers, with {@link SubcommitteeAccess}'s checks.
 */
@PageController
class SubcommitteePages {

    private final SubcommitteeReads reads;
    private final Queries queries;
    private final Commands commands;

    SubcommitteePages(SubcommitteeReads reads, Queries queries, Commands commands) {
        this.reads = reads;
        this.queries = queries;
        this.commands = commands;
    }

    // ---- public ---------------------------------------------------------------------------------------------------

    @GetMapping("/subcommittees")
    String list(Model model) {
        model.addAttribute("subcommittees", queries.list(new ListSubcommittees(null), SubcommitteeSummary.class));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("分科会")));
        return "subcommittees/list";
    }

    @GetMapping("/subcommittees/{id}")
    String one(@PathVariable String id, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("insider", SubcommitteeAccess.isInsider(details));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"), Crumb.here(name(details.summary()))));
        return "subcommittees/subcommittee";
    }

    // ---- a member admin's organization ----------------------------------------------------------------------------

    /** The header's link: the member admin's own organization, from the token. */
    @GetMapping("/my-organization/subcommittees")
    String mine() {
        String organization = Caller.current().organizationId();
        if (organization == null) {
            throw new AccessDeniedException("no organization in the token");
        }
        return "redirect:/organizations/" + organization + "/subcommittees";
    }

    @GetMapping("/organizations/{organizationId}/subcommittees")
    String ofOrganization(@PathVariable String organizationId, Model model) {
        Access.requireActsFor(organizationId);
        return organizationPage(model, organizationId, FormErrors.NONE, new JoinForm(null, null));
    }

    /** Asks for the organization to join one subcommittee; its chair decides. */
    @PostMapping("/organizations/{organizationId}/subcommittees")
    String requestMembership(@PathVariable String organizationId,
                             @RequestParam(required = false) String subcommitteeId,
                             @RequestParam(required = false) String note, Model model, HttpServletResponse response,
                             RedirectAttributes redirect) {
        Access.requireActsFor(organizationId);
        if (subcommitteeId == null || subcommitteeId.isBlank()) {
            response.setStatus(400);
            return organizationPage(model, organizationId,
                    FormErrors.of(List.of(new FieldViolation("subcommitteeId", "参加を申請する分科会を選んでください"))),
                    new JoinForm(subcommitteeId, note));
        }
        SubcommitteeDetails details = reads.subcommittee(subcommitteeId);
        try {
            commands.send(new RequestSubcommitteeMembership(SubcommitteeReads.sid(subcommitteeId),
                    new OrganizationId(organizationId), note));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return organizationPage(model, organizationId, FormErrors.of(e.violations()), new JoinForm(subcommitteeId, note));
        }
        redirect.addFlashAttribute("flash", name(details.summary()) + "への参加を申請しました。座長の承認をお待ちください。");
        return "redirect:/organizations/" + organizationId + "/subcommittees";
    }

    private String organizationPage(Model model, String organizationId, FormErrors errors, JoinForm form) {
        List<SubcommitteeSummary> all = queries.list(new ListSubcommittees(null), SubcommitteeSummary.class);
        List<SubcommitteeSummary> member = queries.list(new ListSubcommittees(new OrganizationId(organizationId)),
                SubcommitteeSummary.class);
        List<String> memberIds = member.stream().map(SubcommitteeSummary::id).toList();
        List<SubcommitteeSummary> asked = new ArrayList<>();
        List<Option> joinable = new ArrayList<>();
        for (SubcommitteeSummary s : all) {
            if (!memberIds.contains(s.id()) && s.status() == SubcommitteeStatus.ACTIVE) {
                // only this organization's own request is looked at: no other organization's is shown
                if (reads.subcommittee(s.id()).requests().stream()
                         .anyMatch(r -> r.organization().id().equals(organizationId))) {
                    asked.add(s);
                } else {
                    joinable.add(new Option(s.id(), name(s) + " " + s.title()));
                }
            }
        }
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("member", member);
        model.addAttribute("asked", asked);
        model.addAttribute("joinable", joinable);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("参加している分科会")));
        return "subcommittees/mine";
    }

    record JoinForm(String subcommitteeId, String note) {
    }

    // ---- inside a subcommittee ------------------------------------------------------------------------------------

    /** Meetings (with the online URL) and date polls: its members, its chair, the secretariat. */
    @GetMapping("/subcommittees/{id}/meetings")
    String inside(@PathVariable String id, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        SubcommitteeAccess.requireInsider(details);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("meetings", reads.meetings(id));
        model.addAttribute("polls", reads.polls(id));
        model.addAttribute("runs", SubcommitteeAccess.runs(id));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(name(details.summary()), "/subcommittees/" + id), Crumb.here("会議と日程調整")));
        return "subcommittees/inside";
    }

    @GetMapping("/subcommittees/{id}/meetings/{meetingId}")
    String meeting(@PathVariable String id, @PathVariable String meetingId, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        SubcommitteeAccess.requireInsider(details);
        return ChairPages.meetingPage(model, reads, details, meetingId, null, FormErrors.NONE, Map.of());
    }

    @GetMapping("/subcommittees/{id}/polls/{pollId}")
    String poll(@PathVariable String id, @PathVariable String pollId, Model model) {
        SubcommitteeDetails details = reads.subcommittee(id);
        SubcommitteeAccess.requireInsider(details);
        DatePollTable table = reads.poll(id, pollId);
        return pollPage(model, details, table, ownAnswers(table), FormErrors.NONE, SubcommitteeAccess.runs(id), null, FormErrors.NONE);
    }

    /** The member admin's whole answer: ○/△/× and a comment per slot; it replaces the one before. */
    @PostMapping("/subcommittees/{id}/polls/{pollId}/answers")
    String answer(@PathVariable String id, @PathVariable String pollId, @RequestParam MultiValueMap<String, String> form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SubcommitteeDetails details = reads.subcommittee(id);
        Caller caller = Caller.current();
        String organization = caller.organizationId();
        if (organization == null || !caller.actsFor(organization) || !details.hasMember(organization)) {
            throw new AccessDeniedException("only member admins of member organizations answer its polls");
        }
        DatePollTable table = reads.poll(id, pollId);
        Map<String, SlotAnswer> answers = new LinkedHashMap<>();
        for (DatePollTable.Column column : table.slots()) {
            String slotId = column.slot().slotId();
            String choice = form.getFirst("choice-" + slotId);
            String comment = form.getFirst("comment-" + slotId);
            if (choice != null && !choice.isBlank()) {
                answers.put(slotId, new SlotAnswer(choiceOf(choice), comment == null || comment.isBlank() ? null : comment.strip()));
            }
        }
        try {
            commands.send(new AnswerDatePoll(SubcommitteeReads.pid(pollId), SubcommitteeReads.sid(id),
                    new OrganizationId(organization), answers));
        } catch (InvalidInput e) {
            response.setStatus(400);
            return pollPage(model, details, table, answers, answerErrors(e.violations()), SubcommitteeAccess.runs(id), null, FormErrors.NONE);
        }
        redirect.addFlashAttribute("flash", "回答を保存しました。締切までは何度でも変更できます。");
        return "redirect:/subcommittees/" + id + "/polls/" + pollId;
    }

    static String pollPage(Model model, SubcommitteeDetails details, DatePollTable table, Map<String, SlotAnswer> answers,
                           FormErrors answerErrors, boolean runs, String failedForm, FormErrors chairErrors) {
        Caller caller = Caller.current();
        String organization = caller.organizationId();
        boolean member = caller.roles().contains(Caller.MEMBER_ADMIN) && organization != null
                && details.hasMember(organization);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("poll", table);
        model.addAttribute("choices", PollChoice.values());
        model.addAttribute("confirmedMeetingId", MeetingId.fromPoll(new PollId(table.pollId())).value());
        model.addAttribute("mayAnswer", member && table.status() == PollStatus.OPEN);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", answerErrors);
        model.addAttribute("runs", runs);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("chairErrors", chairErrors);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(name(details.summary()), "/subcommittees/" + details.summary().id()),
                Crumb.to("会議と日程調整", "/subcommittees/" + details.summary().id() + "/meetings"),
                Crumb.here(table.title())));
        return "subcommittees/poll";
    }

    /** The organization's answers as stored, to fill the form. */
    private static Map<String, SlotAnswer> ownAnswers(DatePollTable table) {
        String organization = Caller.current().organizationId();
        return table.answers().stream().filter(r -> r.organization().id().equals(organization)).findFirst()
                    .map(DatePollTable.Row::answers).orElse(Map.of());
    }

    /** "answers.<slot>.choice" is shown at that slot's group of choices, "answers" at the first. */
    private static FormErrors answerErrors(List<FieldViolation> violations) {
        List<FieldViolation> shown = new ArrayList<>();
        for (FieldViolation v : violations) {
            String field = v.field() == null ? "answers" : v.field();
            if (field.startsWith("answers.")) {
                String[] parts = field.split("\\.");
                field = (parts.length > 2 && parts[2].equals("comment") ? "comment-" : "choice-") + parts[1];
            }
            shown.add(new FieldViolation(field, v.message()));
        }
        return FormErrors.of(shown);
    }

    private static PollChoice choiceOf(String value) {
        try {
            return PollChoice.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new jp.kodoku.platform.subcommittees.api.InvalidSubcommitteeInput("choice", "is not YES, MAYBE or NO");
        }
    }

    static String name(SubcommitteeSummary summary) {
        return "分科会" + summary.number();
    }
}
