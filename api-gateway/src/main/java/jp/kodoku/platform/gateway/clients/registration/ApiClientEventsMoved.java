package jp.kodoku.platform.gateway.clients.registration;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API-client events moved from {@code gateway.clients} to {@code gateway.clients.api}. The event store names each
 * event's class in its payload type, so events stored before the move are renamed as they are read; their JSON is
 * unchanged. Axon registers every upcaster bean with the event store.
 */
@Component
public class ApiClientEventsMoved extends SingleEventUpcaster {

    static final String OLD_PACKAGE = "jp.kodoku.platform.gateway.clients.";
    private static final Map<String, String> MOVED = Stream.of(ApiClientRegistered.class, ApiClientSecretRotated.class,
            ApiClientRevoked.class).collect(Collectors.toUnmodifiableMap(e -> OLD_PACKAGE + e.getSimpleName(), Class::getName));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return MOVED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(MOVED.get(event.getType().getName()),
                event.getType().getRevision()), JsonNode.class, Function.identity());
    }
}
