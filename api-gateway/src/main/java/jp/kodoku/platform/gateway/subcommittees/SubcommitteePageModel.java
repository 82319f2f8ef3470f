package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.pages.FormErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every subcommittee page's model has. */
@ControllerAdvice(assignableTypes = {SubcommitteePages.class, ChairPages.class, SubcommitteeSecretariatPages.class,
        RecordPages.class, AgendaPages.class, MinutesPages.class})
class SubcommitteePageModel {

    /** For the forms of a page that did not fail, where another form of the same page did: no errors shown. */
    @ModelAttribute("noErrors")
    FormErrors noErrors() {
        return FormErrors.NONE;
    }
}
