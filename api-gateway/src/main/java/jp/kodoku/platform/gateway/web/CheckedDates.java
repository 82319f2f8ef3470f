package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import jp.kodoku.platform.infra.time.PlatformDates;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Every date in a request body held to {@link PlatformDates}' range (all of them are membership facts), so that a new
 * date field cannot forget it: a date outside is a 400 naming the field.
 */
final class CheckedDates extends StdScalarDeserializer<LocalDate> {

    private final transient Clock clock;

    CheckedDates(Clock clock) {
        super(LocalDate.class);
        this.clock = clock;
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        String problem = PlatformDates.problem(date, clock);
        if (problem != null) {
            throw JsonMappingException.from(p, problem);
        }
        return date;
    }
}
