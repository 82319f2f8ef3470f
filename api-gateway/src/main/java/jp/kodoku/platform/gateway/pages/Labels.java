package jp.kodoku.platform.gateway.pages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How pages name the domain's choices (member category, body type, prefecture, …) in the page's language. The
 * modules' enums carry their Japanese label ({@code label()}), the one the forms and the directory always showed;
 * English comes from {@code messages_en.properties} under {@code enum.<Type>.<CONSTANT>}, and a choice without an
 * English label there is shown in Japanese rather than as a code. Templates call it as {@code ${@labels.of(x)}}.
 */
@Component("labels")
public class Labels {

    private static final ClassValue<Method> LABEL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("label");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of a constant in the current request's language. */
    public String of(Enum<?> value) {
        return of(value, PageLanguage.current());
    }

    public String of(Enum<?> value, Locale language) {
        if (value == null) {
            return "";
        }
        String japanese = japanese(value);
        if (!PageLanguage.isEnglish(language)) {
            return japanese;
        }
        return messages.getMessage("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), null,
                japanese, language);
    }

    /**
     * A text of the message bundles in the current request's language, for what controllers put on a page
     * (breadcrumbs, flash messages); templates say {@code #{key}} themselves.
     */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, PageLanguage.current());
    }

    /** The constants of an enum as the choices of a form, sent by name and shown in the given language. */
    public <E extends Enum<E>> List<Option> options(E[] values, Locale language) {
        return Arrays.stream(values).map(v -> new Option(v.name(), of(v, language))).toList();
    }

    private static String japanese(Enum<?> value) {
        Method label = LABEL.get(value.getDeclaringClass());
        if (label == null) {
            return value.name();
        }
        try {
            return (String) label.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the label of " + value, e);
        }
    }
}
