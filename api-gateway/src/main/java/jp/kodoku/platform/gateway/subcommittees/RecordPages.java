package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.FileDownloads;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.subcommittees.api.DecisionTrail;
import jp.kodoku.platform.subcommittees.api.DeliverableSummary;
import jp.kodoku.platform.subcommittees.api.FindDecisionTrail;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;
import jp.kodoku.platform.subcommittees.api.Visibility;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a subcommittee leaves behind, on pages: the decision trail (each meeting → its minutes → the deliverables that
 * came out of it) and a deliverable with its files to download. Anyone sees the public part; the subcommittee's
 * insiders everything the API shows them (the same queries and {@link SubcommitteeAccess} checks).
 */
@PageController
class RecordPages {

    private final Queries queries;
    private final FileDownloads files;

    RecordPages(Queries queries, FileDownloads files) {
        this.queries = queries;
        this.files = files;
    }

    @GetMapping("/subcommittees/{id}/decision-trail")
    String trail(@PathVariable String id, Model model) {
        SubcommitteeDetails details = PathIds.subcommittee(queries, id);
        boolean insider = SubcommitteeAccess.isInsider(details);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("insider", insider);
        model.addAttribute("trail", queries.one(new FindDecisionTrail(PathIds.sid(id),
                insider ? Visibility.MEMBERS : Visibility.PUBLIC, SubcommitteeAccess.runs(id)), DecisionTrail.class));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id), Crumb.here("検討の経過")));
        return "subcommittees/decision-trail";
    }

    @GetMapping("/subcommittees/{id}/deliverables/{deliverableId}")
    String deliverable(@PathVariable String id, @PathVariable String deliverableId, Model model) {
        DeliverableSummary deliverable = DeliverablesController.readable(queries, id, deliverableId);
        SubcommitteeDetails details = PathIds.subcommittee(queries, id);
        model.addAttribute("subcommittee", details.summary());
        model.addAttribute("deliverable", deliverable);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("分科会", "/subcommittees"),
                Crumb.to(SubcommitteePages.name(details.summary()), "/subcommittees/" + id),
                Crumb.to("検討の経過", "/subcommittees/" + id + "/decision-trail"), Crumb.here(deliverable.title())));
        return "subcommittees/deliverable";
    }

    /** A deliverable's file, as an attachment (nosniff), readable as the deliverable is. */
    @GetMapping("/subcommittees/{id}/deliverables/{deliverableId}/files/{sha256}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String deliverableId,
                                    @PathVariable String sha256) {
        return files.download(DeliverablesController.readable(queries, id, deliverableId).files(), PathIds.sha256(sha256));
    }
}
