package jp.kodoku.platform.infra.text;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The text rule on every command of every module, whoever sends it (the HTTP API, an import, a process manager):
 * each String in the command record, in nested records, lists, sets and map values, is held to {@link TextRules}.
 * The API refuses bad text already while reading the body; this is the floor under every other way in. Registered on
 * the command bus by Axon's auto-configuration, as every command handler interceptor bean is.
 */
@Component
public class TextCheckedCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final int MAX_DEPTH = 8;

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        List<FieldViolation> violations = violations(unitOfWork.getMessage().getPayload());
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return chain.proceed();
    }

    /** Every string of the record that breaks the rule, named by its path ({@code profile.name}). */
    public static List<FieldViolation> violations(Object command) {
        List<FieldViolation> violations = new ArrayList<>();
        walk(command, "", null, violations, 0);
        return violations;
    }

    private static void walk(Object value, String path, String field, List<FieldViolation> violations, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            String problem = TextRules.problem(text, TextRules.isMultiLine(field));
            if (problem != null) {
                violations.add(new FieldViolation(path.isEmpty() ? "body" : path, problem));
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                walk(item, path, field, violations, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, String.valueOf(key), violations, depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object part;
                try {
                    part = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                String name = component.getName();
                walk(part, path.isEmpty() ? name : path + "." + name, name, violations, depth + 1);
            }
        }
    }
}
