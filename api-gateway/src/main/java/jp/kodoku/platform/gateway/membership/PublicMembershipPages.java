package jp.kodoku.platform.gateway.membership;

import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.gateway.pages.Crumb;
import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.JapaneseDates;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.PageController;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.time.PlatformDates;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.CountMembersByCategory;
import jp.kodoku.platform.membership.api.DirectoryEntry;
import jp.kodoku.platform.membership.api.DirectoryFilter;
import jp.kodoku.platform.membership.api.DirectoryPage;
import jp.kodoku.platform.membership.api.DirectorySort;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.FindDirectoryEntry;
import jp.kodoku.platform.membership.api.ListDirectory;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.MemberCounts;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The public pages of membership: the top page, the directory search, one member's page and the figures. They ask
 * the same queries as the API's {@code DirectoryController}, through {@link Queries}, and show published fields only.
 */
@PageController
class PublicMembershipPages {

    private static final int PAGE_SIZE = 20;

    private final Queries queries;
    private final JapaneseDates dates;
    private final DirectoryFilters filters;
    private final Labels labels;
    private final Clock clock = Clock.systemUTC();

    PublicMembershipPages(Queries queries, JapaneseDates dates, DirectoryFilters filters, Labels labels) {
        this.filters = filters;
        this.labels = labels;
        this.queries = queries;
        this.dates = dates;
    }

    @GetMapping("/")
    String top(Model model) {
        LocalDate today = dates.today();
        model.addAttribute("counts", queries.one(new CountMembersByCategory(today), MemberCounts.class));
        model.addAttribute("categories", MemberCategory.values());
        // the activity feed's newest public entries (issue 14): the same for every visitor
        model.addAttribute("activity", queries.one(jp.kodoku.platform.activity.api.ListActivity.latestPublic(5),
                jp.kodoku.platform.activity.api.ActivityPage.class).entries());
        return "membership/top";
    }

    /**
     * The search: every filter of the API. With htmx (search as you type) only the results are sent back; without
     * JavaScript the form submits and the whole page comes back, the same results in it.
     */
    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String q,
                     @RequestParam(required = false) Set<MemberCategory> category,
                     @RequestParam(required = false) Set<BodyType> bodyType,
                     @RequestParam(required = false) Set<String> prefecture,
                     @RequestParam(required = false) Set<FieldOfActivity> field,
                     @RequestParam(required = false) Set<TargetGroup> targetGroup,
                     @RequestParam(required = false) Set<ConsultationCapability> capability,
                     @RequestParam(required = false) String cursor,
                     @RequestHeader(name = "HX-Request", required = false) String htmx,
                     HttpServletResponse response, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Set<String> prefectures = prefecture == null ? new LinkedHashSet<>() : new LinkedHashSet<>(prefecture);
        prefectures.remove("");
        model.addAttribute("q", q);
        Selected selected = new Selected(names(category), names(bodyType), prefectures, names(field),
                names(targetGroup), names(capability));
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("directory.title"))));
        FormErrors errors = FormErrors.NONE;
        try {
            DirectoryController.check(text, prefectures, PAGE_SIZE, cursor);
            DirectoryFilter filter = new DirectoryFilter(text, category, bodyType, prefectures, field, targetGroup,
                    capability, null);
            DirectoryPage page = queries.one(new ListDirectory(filter, DirectorySort.READING, cursor, PAGE_SIZE),
                    DirectoryPage.class);
            model.addAttribute("results", page.items());
            model.addAttribute("firstUrl", cursor == null ? null : pageUrl(null));
            model.addAttribute("nextUrl", page.nextCursor() == null ? null : pageUrl(page.nextCursor()));
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("results", List.of());
            errors = FormErrors.of(e.violations());
        }
        model.addAttribute("errors", errors);
        if (htmx == null) {
            model.addAttribute("filters", filters.html(selected, errors));
        }
        return htmx != null ? "membership/directory :: results" : "membership/directory";
    }

    /** The current search with another cursor: the link to the next page. */
    private static String pageUrl(String cursor) {
        var uri = UriComponentsBuilder.fromUriString(
                org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                                                                                  .replaceQueryParam("cursor")
                                                                                  .build().toUriString());
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.build().toUriString().replaceFirst("^https?://[^/]+", "");
    }

    /** What the visitor chose, to keep the form as it was sent. */
    record Selected(Set<String> category, Set<String> bodyType, Set<String> prefecture, Set<String> field,
                    Set<String> targetGroup, Set<String> capability) {
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> names.add(v.name()));
        }
        return names;
    }

    @GetMapping("/directory/{organizationId}")
    String organization(@PathVariable String organizationId, Model model) {
        DirectoryEntry entry = queries.optional(new FindDirectoryEntry(new OrganizationId(organizationId)),
                DirectoryEntry.class).orElseThrow(() -> new NotFound("no published member with this id"));
        model.addAttribute("entry", entry);
        model.addAttribute("prefectures", entry.prefectureCodes().stream()
                                                .map(code -> Prefecture.ofCode(code).map(labels::of).orElse(code))
                                                .toList());
        model.addAttribute("crumbs", Crumb.trail(Crumb.to(labels.message("directory.title"), "/directory"),
                Crumb.here(entry.name())));
        return "membership/organization";
    }

    /**
     * Members per category on a date (today unless asked), and how the membership grew: the counts at the start of
     * each fiscal year (1 April) since the platform began, as a chart and the same figures as a table.
     */
    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      HttpServletResponse response, Model model) {
        LocalDate today = dates.today();
        LocalDate date = asOf != null ? asOf : today;
        model.addAttribute("crumbs", Crumb.trail(Crumb.here(labels.message("statistics.title"))));
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("asOf", date);
        try {
            PlatformDates.requireInRange("asOf", date, clock);
            model.addAttribute("errors", FormErrors.NONE);
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.of(e.violations()));
            date = today;
        }
        model.addAttribute("counts", queries.one(new CountMembersByCategory(date), MemberCounts.class));
        List<MemberCounts> series = new ArrayList<>();
        for (LocalDate point = LocalDate.of(2022, 4, 1); !point.isAfter(today); point = point.plusYears(1)) {
            series.add(queries.one(new CountMembersByCategory(point), MemberCounts.class));
        }
        series.add(queries.one(new CountMembersByCategory(today), MemberCounts.class));
        model.addAttribute("series", series);
        model.addAttribute("chart", MembersChart.of(series, dates, labels));
        return "membership/statistics";
    }
}
