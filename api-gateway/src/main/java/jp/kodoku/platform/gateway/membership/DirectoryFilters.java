package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.PageLanguage;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory page's filters (about 150 check boxes and options): the same HTML for everyone who chose the same
 * filters in the same language, so it is rendered once per (language, choice) and kept, instead of on every search.
 * Rendering it took most of the page's time (docs/performance.md, issue 10). A form with errors is rendered each
 * time. The kept choices are bounded: when full, one of them leaves for the new one (reads take no lock; a
 * least-recently-used map locked every read, and the workers queued on it at saturation).
 */
@Component
class DirectoryFilters {

    /** Enough for the visitors' common choices; each entry is ~15 KB of HTML. */
    static final int KEPT = 200;

    private record Key(Locale language, PublicMembershipPages.Selected selected) {
    }

    private final ITemplateEngine templates;
    private final MembershipOptions options;
    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    DirectoryFilters(ITemplateEngine templates, MembershipOptions options) {
        this.templates = templates;
        this.options = options;
    }

    /** The filters' HTML for the current request's language, with the visitor's choice checked. */
    String html(PublicMembershipPages.Selected selected, FormErrors errors) {
        Locale language = PageLanguage.current();
        if (errors.any()) {
            return render(language, selected, errors);
        }
        Key key = new Key(language, selected);
        String html = rendered.get(key);
        if (html == null) {
            html = render(language, selected, errors);
            if (rendered.size() >= KEPT) {
                rendered.keySet().stream().findAny().ifPresent(rendered::remove);
            }
            rendered.put(key, html);
        }
        return html;
    }

    private String render(Locale language, PublicMembershipPages.Selected selected, FormErrors errors) {
        Context context = new Context(language);
        context.setVariable("selected", selected);
        context.setVariable("options", options.in(language));
        context.setVariable("errors", errors);
        return templates.process("membership/directory-filters", Set.of("filters"), context);
    }
}
