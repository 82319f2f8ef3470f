package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.newsletter.api.ArchivedIssue;
import jp.kodoku.platform.newsletter.api.ArchivedIssueSummary;
import jp.kodoku.platform.newsletter.api.ListArchiveFiscalYears;
import jp.kodoku.platform.newsletter.api.ListArchivedIssues;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The public archive (バックナンバー): the issues sent to everyone by fiscal year, and each issue as a page with its
 * public sections. The same queries as the API's {@code /api/v1/newsletter/archive}; nobody needs to sign in.
 */
@PageController
class NewsletterArchivePages {

    private final Queries queries;
    private final NewsletterArchiveController archive;

    NewsletterArchivePages(Queries queries, NewsletterArchiveController archive) {
        this.queries = queries;
        this.archive = archive;
    }

    static String issuePath(int number) {
        return "/newsletter/issues/" + number;
    }

    @GetMapping("/newsletter")
    String list(@RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = queries.list(new ListArchiveFiscalYears(), Integer.class);
        Integer shown = NewsletterArchiveController.fiscalYear(year);
        if (shown == null && !years.isEmpty()) {
            shown = years.get(0);
        }
        model.addAttribute("years", years);
        model.addAttribute("year", shown);
        model.addAttribute("issues", shown == null ? List.of() : queries.list(
                new ListArchivedIssues(shown, NewsletterArchiveController.LIST_MAX), ArchivedIssueSummary.class));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here("メールマガジン")));
        return "newsletter/archive";
    }

    @GetMapping("/newsletter/issues/{number}")
    String issue(@PathVariable String number, Model model) {
        ArchivedIssue issue = archive.find(NewsletterArchiveController.number(number));
        model.addAttribute("issue", issue);
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("メールマガジン", "/newsletter"),
                Crumb.here("第" + issue.number() + "号")));
        return "newsletter/archived-issue";
    }
}
