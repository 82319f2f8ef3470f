package jp.kodoku.platform.webhooks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import jp.kodoku.platform.webhooks.WebhookCatalogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A delivery's body: the event as a CloudEvents 1.0 JSON event (structured mode). {@code id} is the event's
 * identifier in the event store (the same in every redelivery and replay), {@code time} when it was stored,
 * {@code subject} the organization, subcommittee or portal event it is about, and the extension {@code sequence} its
 * position in the platform's event stream (what a replay starts from).
 */
final class CloudEvents {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final ObjectMapper JSON = EventStoreConfiguration.eventMapper();

    private CloudEvents() {
    }

    static String body(WebhookCatalogue.Entry<?> entry, Object payload, String eventId, Instant time, long position) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("type", entry.type());
        event.put("source", entry.source());
        event.put("id", eventId);
        event.put("time", time.toString());
        event.put("subject", entry.subjectOf(payload));
        event.put("sequence", Long.toString(position));
        event.put("datacontenttype", "application/json");
        event.put("data", entry.dataOf(payload));
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalogue's data of " + entry.type() + " does not write as JSON", e);
        }
    }
}
