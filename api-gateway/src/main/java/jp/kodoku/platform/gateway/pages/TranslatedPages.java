package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Which pages have their texts in the message bundles, so that English is shown on them when chosen: those of the
 * page controllers in the packages below. Any other module's page is shown whole in Japanese, its header, footer and
 * dates included, so that a page never says {@code lang="en"} over Japanese text (JIS X 8341-3 / WCAG 3.1.1). A module
 * joins by adding its keys to both bundles and its package here. Decided before the controller runs, as controllers
 * format some texts (dates, labels) themselves.
 */
@Configuration(proxyBeanMethods = false)
public class TranslatedPages implements WebMvcConfigurer {

    private static final String PLATFORM = "jp.kodoku.platform.";
    /** The packages whose page controllers render English when it is chosen. */
    static final List<String> TRANSLATED = List.of("jp.kodoku.platform.gateway.membership",
            "jp.kodoku.platform.gateway.pages");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && !translated(method.getBeanType().getPackageName())) {
                    request.setAttribute(PageLanguage.JAPANESE_ONLY, Boolean.TRUE);
                }
                return true;
            }
        });
    }

    /** Spring Boot's own error controller (the error pages, translated) is not the platform's: it follows the choice. */
    static boolean translated(String packageName) {
        return !packageName.startsWith(PLATFORM) || TRANSLATED.contains(packageName);
    }
}
