package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.pages.Labels;
import jp.kodoku.platform.gateway.pages.Option;
import jp.kodoku.platform.gateway.pages.PageLanguage;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The choices of membership's forms (directory filters, application, profile), in each language of the pages:
 * computed once at start-up rather than on every page view.
 */
@Component
class MembershipOptions {

    /** The choices in one language, by what they choose. */
    record Choices(List<Option> category, List<Option> bodyType, List<Option> prefecture, List<Option> field,
                   List<Option> targetGroup, List<Option> capability, List<Option> legalForm) {
    }

    private final Map<Locale, Choices> byLanguage;

    MembershipOptions(Labels labels) {
        this.byLanguage = Map.of(PageLanguage.JAPANESE, choices(labels, PageLanguage.JAPANESE),
                PageLanguage.ENGLISH, choices(labels, PageLanguage.ENGLISH));
    }

    private static Choices choices(Labels labels, Locale language) {
        return new Choices(labels.options(MemberCategory.values(), language),
                labels.options(BodyType.values(), language),
                Arrays.stream(Prefecture.values()).map(p -> new Option(p.code(), labels.of(p, language))).toList(),
                labels.options(FieldOfActivity.values(), language),
                labels.options(TargetGroup.values(), language),
                labels.options(ConsultationCapability.values(), language),
                labels.options(LegalForm.values(), language));
    }

    Choices in(Locale language) {
        return byLanguage.get(PageLanguage.isEnglish(language) ? PageLanguage.ENGLISH : PageLanguage.JAPANESE);
    }

    /** In the current request's language. */
    Choices current() {
        return in(PageLanguage.current());
    }
}
