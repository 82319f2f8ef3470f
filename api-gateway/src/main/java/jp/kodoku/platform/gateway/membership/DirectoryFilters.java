package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.FormErrors;
import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageLanguage;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The directory page's filters (about 150 check boxes and options): the same HTML for everyone who chose the same
 * filters in the same language, so it is rendered once per (language, choice) and kept, instead of on every search.
 * Rendering it took most of the page's time (docs/performance.md, issue 10). A form with errors is rendered each
 * time; the kept choices are bounded, the least recently used leaving first.
 */
@Component
class DirectoryFilters {

    /** Enough for the visitors' common choices; each entry is ~15 KB of HTML. */
    static final int KEPT = 200;

    /** The choices of the form, in one language: computed once, read by the template as {@code options}. */
    record Choices(List<Option> category, List<Option> bodyType, List<Option> prefecture, List<Option> field,
                   List<Option> targetGroup, List<Option> capability) {
    }

    private record Key(Locale language, PublicMembershipPages.Selected selected) {
    }

    private final ITemplateEngine templates;
    private final Map<Locale, Choices> choices;
    private final Map<Key, String> rendered = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > KEPT;
        }
    });

    DirectoryFilters(ITemplateEngine templates, Labels labels) {
        this.templates = templates;
        this.choices = Map.of(PageLanguage.JAPANESE, choices(labels, PageLanguage.JAPANESE),
                PageLanguage.ENGLISH, choices(labels, PageLanguage.ENGLISH));
    }

    private static Choices choices(Labels labels, Locale language) {
        return new Choices(labels.options(MemberCategory.values(), language),
                labels.options(BodyType.values(), language),
                Arrays.stream(Prefecture.values()).map(p -> new Option(p.code(), labels.of(p, language))).toList(),
                labels.options(FieldOfActivity.values(), language),
                labels.options(TargetGroup.values(), language),
                labels.options(ConsultationCapability.values(), language));
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
            rendered.put(key, html);
        }
        return html;
    }

    private String render(Locale language, PublicMembershipPages.Selected selected, FormErrors errors) {
        Context context = new Context(language);
        context.setVariable("selected", selected);
        context.setVariable("options", choices.get(language));
        context.setVariable("errors", errors);
        return templates.process("membership/directory-filters", Set.of("filters"), context);
    }
}
