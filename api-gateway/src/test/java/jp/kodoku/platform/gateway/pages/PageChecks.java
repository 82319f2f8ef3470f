package jp.kodoku.platform.gateway.pages;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page must be, checked on its HTML (JIS X 8341-3 AA basics a parser can see): its language (Japanese
 * unless the visitor switched to English), one h1, the landmarks, every field labelled, no inline script or style (the
 * Content-Security-Policy would block them).
 */
public final class PageChecks {

    private PageChecks() {
    }

    public static Document html(MvcResult result) {
        try {
            return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the page and checks the rules every page keeps; returns it for the page's own checks. */
    public static Document page(MvcResult result) {
        return page(result, "ja");
    }

    /**
     * The same rules for a page in the given language (the English switch, ADR 0047): the page says its language, and
     * the switch to the other language is a link in that language that says so.
     */
    public static Document page(MvcResult result, String language) {
        Document page = html(result);
        assertThat(page.select("html").attr("lang")).as("language of the page").isEqualTo(language);
        String other = language.equals("ja") ? "en" : "ja";
        assertThat(page.select("header a.language-switch[lang=" + other + "][hreflang=" + other + "]"))
                .as("the switch to the other language, marked as written in it").hasSize(1);
        assertThat(page.title()).as("title").isNotBlank();
        assertThat(page.select("h1")).as("exactly one h1").hasSize(1);
        assertThat(page.select("header")).as("banner landmark").isNotEmpty();
        assertThat(page.select("main")).as("one main landmark").hasSize(1);
        assertThat(page.select("footer")).as("contentinfo landmark").isNotEmpty();
        assertThat(page.select("a.skip-link[href=#main]")).as("a link to skip to the content").hasSize(1);
        for (Element field : page.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
            String id = field.id();
            boolean labelled = !id.isEmpty() && !page.select("label[for=" + id + "]").isEmpty()
                    || field.hasAttr("aria-label") || field.hasAttr("aria-labelledby");
            assertThat(labelled).as("a label for " + field.outerHtml()).isTrue();
        }
        for (Element invalid : page.select("[aria-invalid=true]")) {
            String describedBy = invalid.attr("aria-describedby");
            assertThat(describedBy).as("an invalid field names its error: " + invalid.outerHtml()).isNotEmpty();
            assertThat(page.getElementById(describedBy)).as("the error " + describedBy + " exists").isNotNull();
        }
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(page.select("[style]")).as("no inline style attribute").isEmpty();
        assertThat(page.select("style")).as("no style element").isEmpty();
        for (Element form : page.select("form[method=post]")) {
            assertThat(form.select("input[type=hidden][name=_csrf]")).as("a CSRF token in " + form.attr("action"))
                                                                   .hasSize(1);
        }
        return page;
    }
}
