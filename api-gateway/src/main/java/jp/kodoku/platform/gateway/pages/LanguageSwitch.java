package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.infra.errors.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.regex.Pattern;

/**
 * The link in every page's header that switches the pages between Japanese and English: remembers the choice in a
 * cookie ({@link PageLanguage}) and goes back to the page the visitor was on. A plain link (GET), so it works without
 * JavaScript and is announced as a link; it changes nothing but the visitor's own preference.
 */
@PageController
class LanguageSwitch {

    static final String PATH = "/language/";

    /**
     * Only a path of this site, as the layout's link sends it (percent-encoded, printable ASCII): never an absolute or
     * protocol-relative address, so the switch redirects nowhere else, and nothing that could break the header.
     */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x5b\\x5d-\\x7e]*");

    private final PageLanguage language;

    LanguageSwitch(PageLanguage language) {
        this.language = language;
    }

    @GetMapping(PATH + "{code}")
    ResponseEntity<Void> choose(@PathVariable String code, @RequestParam(required = false) String back,
                                HttpServletRequest request, HttpServletResponse response) {
        if (!code.equals("ja") && !code.equals("en")) {
            throw new NotFound("no pages in the language '" + code + "'");
        }
        language.setLocale(request, response, code.equals("en") ? PageLanguage.ENGLISH : PageLanguage.JAPANESE);
        String target = back != null && back.length() <= 2000 && LOCAL_PATH.matcher(back).matches() ? back : "/";
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target).build();
    }
}
