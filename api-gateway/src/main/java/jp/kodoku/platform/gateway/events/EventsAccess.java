package jp.kodoku.platform.gateway.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jp.kodoku.platform.events.api.CalendarView;
import jp.kodoku.platform.events.api.EventId;
import jp.kodoku.platform.events.api.RegistrationId;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.security.PublicPaths;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.function.Function;

/**
 * What of the events portal anyone may call without a token: the calendar of public events and one event, a public
 * registration with its confirmation, and the registrant's private link (the link itself is the credential).
 * Everything else needs a token, and the controllers check role and organization ({@link jp.kodoku.platform.gateway.security.Access}).
 * Also how the portal's ids look in JSON: plain strings.
 */
@Configuration(proxyBeanMethods = false)
class EventsAccess {

    @Bean
    PublicPaths eventsPublicReads() {
        return PublicPaths.get("/api/v1/events", "/api/v1/events.ics", "/api/v1/events/*",
                "/api/v1/events/*/registrations/access/*");
    }

    @Bean
    PublicPaths eventsPublicRegistrations() {
        return PublicPaths.post("/api/v1/events/*/public-registrations", "/api/v1/events/*/registrations/confirmation");
    }

    /** Feeds behind personal tokens: the token in the path is the credential ({@code gateway.feedtokens}). */
    @Bean
    PublicPaths calendarTokenFeeds() {
        return PublicPaths.get("/api/v1/calendar/feeds/*");
    }

    @Bean
    PublicPaths eventsCancellationByLink() {
        return PublicPaths.anyMethod("/api/v1/events/*/registrations/access/*");
    }

    /** The calendar a caller sees: the secretariat everything, a member's staff members-only events too. */
    static CalendarView viewOf(Caller caller) {
        if (caller.isSecretariat()) {
            return CalendarView.SECRETARIAT;
        }
        return caller.roles().contains(Caller.MEMBER_ADMIN) || caller.roles().contains("subcommittee-chair")
                ? CalendarView.MEMBER : CalendarView.PUBLIC;
    }

    @Bean
    Module eventIdsAsStrings() {
        SimpleModule module = new SimpleModule("events-portal-ids");
        plain(module, EventId.class, EventId::value, EventId::new);
        plain(module, RegistrationId.class, RegistrationId::value, RegistrationId::new);
        plain(module, OrganizationId.class, OrganizationId::value, OrganizationId::new);
        return module;
    }

    private static <T> void plain(SimpleModule module, Class<T> type, Function<T, String> value,
                                  Function<String, T> of) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T id, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(value.apply(id));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
                String text = context.readValue(json, String.class);
                if (text == null || text.isBlank() || text.length() > 64) {
                    throw com.fasterxml.jackson.databind.JsonMappingException.from(json,
                            "must be an id of at most 64 characters");
                }
                return of.apply(text);
            }
        });
    }
}
