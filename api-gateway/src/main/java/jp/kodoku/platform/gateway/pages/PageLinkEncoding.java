package jp.kodoku.platform.gateway.pages;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. Boot would register a {@link ResourceUrlEncodingFilter} (the webjars locator
 * on the classpath turns the resource chain on), which passes every {@code @{…}} link of a page through the static
 * resource handlers: a link to {@code /directory/…} matches the {@code /**} handler, is looked up in four classpath
 * locations and, not being a file, is never cached, so each link of each page searched the whole classpath. On the
 * directory page (twenty results, the navigation, the pager) that was over 40% of its time at saturation
 * (bin/benchmark, issue 10). Nothing is lost: no version strategy is configured, and the one versionless webjar link
 * ({@code /webjars/htmx.org/dist/htmx.min.js}) is still served through the webjars resolver when it is requested.
 */
@Configuration(proxyBeanMethods = false)
class PageLinkEncoding {

    /** Present, so Boot does not add its own, and disabled. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
