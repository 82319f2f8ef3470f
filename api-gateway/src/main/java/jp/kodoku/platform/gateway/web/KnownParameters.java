package jp.kodoku.platform.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.text.TextRules;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter an endpoint does not declare is a 400 naming it, not silently ignored: a misspelt filter
 * ({@code categroy=REGULAR}) or an operator smuggled into a name ({@code category[$ne]=x}) would otherwise return the
 * unfiltered list as if it were the answer. The known names are read from the handler method itself (its
 * {@code @RequestParam}s and the fields of a parameter object), so a new endpoint is covered without a word. Every
 * value is held to the platform's text rule as well.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements HandlerInterceptor, WebMvcConfigurer {

    /** A method that takes every parameter (a {@code @RequestParam Map}) is not checked. */
    private static final Optional<Set<String>> ANY = Optional.empty();

    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Optional<Set<String>> names = known.computeIfAbsent(method.getMethod(), m -> namesOf(method));
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        for (String pair : request.getQueryString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                violations.add(new FieldViolation("query", "is not correctly percent-encoded UTF-8"));
            } else if (names.isPresent() && !names.get().contains(name)) {
                if (reported.add(name)) {
                    violations.add(new FieldViolation(name, "is not a parameter of this endpoint"
                            + (names.get().isEmpty() ? ", which takes none" : "; known: " + String.join(", ", names.get()))));
                }
            } else {
                String problem = TextRules.problem(value, false);
                if (problem != null && reported.add(name)) {
                    violations.add(new FieldViolation(name, problem));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return true;
    }

    private static Optional<Set<String>> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) {
                    return ANY;
                }
                names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || (parameter.getParameterAnnotations().length == 0 && type.isRecord())) {
                names.addAll(propertiesOf(type));
            } else if (parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type)) {
                names.add(parameter.getParameterName()); // Spring binds a plain simple parameter as a request parameter
            }
        }
        return Optional.of(names);
    }

    private static List<String> propertiesOf(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(p -> p.getWriteMethod() != null)
                     .map(PropertyDescriptor::getName).toList();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
