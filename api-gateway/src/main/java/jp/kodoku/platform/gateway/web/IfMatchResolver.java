package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.StaleVersion;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code If-Match} into the expected version of a {@link IfMatch} parameter, the same way for every write. */
@Component
class IfMatchResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The only entity tags the API hands out: strong, quoted versions. */
    private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,18})\"");

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(IfMatch.class);
    }

    @Override
    public Long resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                WebDataBinderFactory binders) {
        if (parameter.getParameterType() != Long.class) {
            throw new IllegalStateException("@IfMatch goes on a Long parameter (null when the header is absent): " + parameter);
        }
        Long expected = expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        if (expected == null && parameter.getParameterAnnotation(IfMatch.class).required()) {
            throw new PreconditionRequired();
        }
        return expected;
    }

    /** The version an If-Match header names, or null when there is none. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/") && STRONG_VERSION.matcher(value.substring(2)).matches()) {
            throw new StaleVersion("a weak entity tag never matches: If-Match compares strongly (RFC 9110); send the "
                    + "ETag as you read it, e.g. \"3\"", null);
        }
        Matcher version = STRONG_VERSION.matcher(value);
        if (!version.matches()) {
            throw new InvalidInput(HttpHeaders.IF_MATCH, "must be the ETag of the resource, e.g. \"3\"");
        }
        return Long.parseLong(version.group(1));
    }

    static class PreconditionRequired extends RuntimeException {
        PreconditionRequired() {
            super("this change needs an If-Match header with the ETag of the version you read");
        }
    }
}
