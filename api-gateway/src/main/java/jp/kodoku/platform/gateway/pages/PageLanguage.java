package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages' language: Japanese unless the visitor chose English with the switch in the header, remembered in the
 * cookie {@code lang} (a preference, not a session: a visitor's page view still creates no session). Registered as
 * the application's {@code localeResolver}, so Spring MVC puts it in {@link LocaleContextHolder} for every request
 * and Thymeleaf picks the message bundle ({@code messages.properties}, {@code messages_en.properties}) by it.
 */
@Component("localeResolver")
public class PageLanguage implements LocaleResolver {

    public static final String COOKIE = "lang";
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Set on a request whose page has no English texts yet ({@link TranslatedPages}): it is shown whole in Japanese. */
    static final String JAPANESE_ONLY = PageLanguage.class.getName() + ".JAPANESE_ONLY";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(JAPANESE_ONLY))) {
            return JAPANESE;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return ENGLISH;
                }
            }
        }
        return JAPANESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String value = isEnglish(locale) ? "en" : "ja";
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
                                                                 .path("/")
                                                                 .maxAge(Duration.ofDays(365))
                                                                 .httpOnly(true)
                                                                 .secure(request.isSecure())
                                                                 .sameSite("Lax")
                                                                 .build().toString());
    }

    /**
     * Whether the current request's pages are in English. Outside a request (a mail sent by an event processor) there
     * is no choice to honour, and the platform speaks Japanese: the JVM's own default locale is never used.
     */
    public static boolean english() {
        var context = LocaleContextHolder.getLocaleContext();
        return context != null && isEnglish(context.getLocale());
    }

    /** The language of the current request's pages, Japanese outside a request. */
    public static Locale current() {
        return english() ? ENGLISH : JAPANESE;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
