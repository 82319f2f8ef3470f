package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import jp.kodoku.platform.infra.text.TextRules;

import java.io.IOException;

/**
 * The platform's text rule ({@link TextRules}) on every string of every request body, whichever module's record it
 * binds to: refused text is a 400 naming the field, accepted text arrives in NFC. On the way out, a lone surrogate
 * that an older event still holds is written as U+FFFD, so every response is UTF-8 that any strict parser reads;
 * control characters are escaped by Jackson as it is.
 */
final class CheckedText {

    private CheckedText() {
    }

    /** With the date range of {@link CheckedDates}: the checks of single values, in one module. */
    static SimpleModule module() {
        return new SimpleModule("checked-text")
                .addDeserializer(String.class, new Reader())
                .addSerializer(String.class, new Writer())
                .addDeserializer(java.time.LocalDate.class, new CheckedDates(java.time.Clock.systemUTC()));
    }

    static final class Reader extends StdScalarDeserializer<String> {

        Reader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = TextRules.problem(text, TextRules.isMultiLine(fieldName(p)));
            if (problem != null) {
                throw JsonMappingException.from(p, problem);
            }
            return TextRules.normalize(text);
        }

        /** The field the string belongs to, also when it is an element of a list. */
        private static String fieldName(JsonParser p) {
            JsonStreamContext context = p.getParsingContext();
            if (context.inArray() && context.getParent() != null) {
                context = context.getParent();
            }
            return context.getCurrentName();
        }
    }

    static final class Writer extends StdScalarSerializer<String> {

        Writer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(wellFormed(value));
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, String value) {
            return value.isEmpty();
        }
    }

    /** The text with each lone surrogate replaced by U+FFFD; the same instance when there is none (nearly always). */
    static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (fixed != null) {
                    fixed.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text.length()).append(text, 0, i);
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }
}
