package jp.kodoku.platform.infra.readmodel;

import org.springframework.data.annotation.Id;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-model document kept from the events of one aggregate, by {@link VersionedDocuments}: its id is the
 * aggregate's, its version the sequence number of the last event applied to it.
 *
 * <p>A document's fields hold immutable values (strings, numbers, enums, records, {@code java.time} values) or lists,
 * sets and maps of them; then {@link #copy()} needs no code of the document's own.
 *
 * @param <T> the document's own class, which {@link #copy()} returns; it has a constructor without parameters
 */
public abstract class VersionedDocument<T extends VersionedDocument<T>> {

    private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
        @Override
        protected Copier computeValue(Class<?> type) {
            return new Copier(type);
        }
    };

    /** The aggregate's id. */
    @Id
    public String id;
    /** Sequence number of the last event applied, -1 before the first: the guard that makes the projection idempotent. */
    public long version = -1;

    /**
     * A copy to change: every field, with lists, sets and maps of their own (their elements shared, being immutable).
     * An event whose handling fails then leaves the document as the events before it made it.
     */
    @SuppressWarnings("unchecked")
    public T copy() {
        return (T) COPIERS.get(getClass()).copy(this);
    }

    /** The fields of one document class, looked up once. */
    private static final class Copier {

        private final Constructor<?> constructor;
        private final List<Field> fields = new ArrayList<>();

        Copier(Class<?> type) {
            try {
                constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " needs a constructor without parameters", e);
            }
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
        }

        Object copy(Object original) {
            try {
                Object copy = constructor.newInstance();
                for (Field field : fields) {
                    field.set(copy, own(field.get(original)));
                }
                return copy;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy " + original.getClass(), e);
            }
        }

        private static Object own(Object value) {
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            if (value instanceof Set<?> set) {
                return new LinkedHashSet<>(set);
            }
            if (value instanceof Map<?, ?> map) {
                return new LinkedHashMap<>(map);
            }
            return value;
        }
    }
}
