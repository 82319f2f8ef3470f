package jp.kodoku.platform.gateway.activity;

import jp.kodoku.platform.activity.api.*;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.pages.PageLink;
import jp.kodoku.platform.gateway.pages.PublicPages;
import jp.kodoku.platform.gateway.web.Queries;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

/**
 * The activity page ({@code /activity}, 最近の動き): the feed as the visitor may read it, newest first, by kind, a page
 * at a time; signed in as a member admin it is the member's own view (its subcommittees' and members-only entries
 * too). The same query as the API's {@link ActivityController}.
 */
@PageController
class ActivityPages {

    static final int PAGE_SIZE = 30;

    private final Queries queries;

    ActivityPages(Queries queries) {
        this.queries = queries;
    }

    @Bean
    static PublicPages activityPage() {
        return PublicPages.get("/activity");
    }

    @Bean
    static PageLink activityLink() {
        return PageLink.forEveryone("最近の動き", "/activity", 25);
    }

    @GetMapping("/activity")
    String activity(@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) String cursor,
                    Model model) {
        ActivityCursor after = cursor == null || cursor.isEmpty() ? null : ActivityCursor.parse(cursor);
        ActivityViewer viewer = ActivityAccess.viewerOfCaller();
        ActivityPage page = queries.one(new ListActivity(viewer, kind == null ? Set.of() : Set.of(kind), null, null,
                null, null, after, PAGE_SIZE), ActivityPage.class);
        model.addAttribute("entries", page.entries());
        model.addAttribute("kind", kind == null ? null : kind.name());
        model.addAttribute("kinds", Option.of(ActivityKind.values(), ActivityKind::japanese));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("member", viewer.member() || viewer.secretariat());
        model.addAttribute("firstUrl", after == null ? null : url(kind, null));
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : url(kind, page.nextCursor()));
        model.addAttribute("crumbs", Crumb.trail(Crumb.to("トップページ", "/"), Crumb.here("最近の動き")));
        return "activity/activity";
    }

    private static String url(ActivityKind kind, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/activity");
        if (kind != null) {
            url.queryParam("kind", kind.name());
        }
        if (cursor != null) {
            url.queryParam("cursor", cursor);
        }
        return url.build().toUriString();
    }
}
