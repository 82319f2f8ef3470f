package jp.kodoku.platform.gateway.clients.registration;

import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored while the API-client events lived in {@code gateway.clients} are read, through Axon's own read path
 * (upcast, then deserialize), as the events of {@code gateway.clients.api}.
 */
class ApiClientEventsMovedTest {

    private static final Serializer SERIALIZER = JacksonSerializer.builder()
                                                                  .objectMapper(EventStoreConfiguration.eventMapper())
                                                                  .build();
    private static final String APP = "app-abcdefghijkmnpqr";

    @Test
    void events_stored_under_their_old_names_are_read_as_the_moved_events() {
        Stream<GenericDomainEventEntry<byte[]>> stored = Stream.of(
                stored(0, "jp.kodoku.platform.gateway.clients.ApiClientRegistered",
                        "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"},\"name\":\"居場所マップ\","
                                + "\"organizationId\":null,\"scopes\":[\"directory:read\"],"
                                + "\"allowedOrigins\":[\"https://map.example.jp\"],\"ratePerMinute\":120}"),
                stored(1, "jp.kodoku.platform.gateway.clients.ApiClientSecretRotated",
                        "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"}}"),
                stored(2, "jp.kodoku.platform.gateway.clients.ApiClientRevoked",
                        "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"}}"));

        DomainEventStream read = EventStreamUtils.upcastAndDeserializeDomainEvents(stored, SERIALIZER,
                new ApiClientEventsMoved());

        List<Object> payloads = new ArrayList<>();
        read.forEachRemaining(event -> payloads.add(event.getPayload()));
        ApiClientId id = new ApiClientId(APP);
        assertThat(payloads).containsExactly(
                new ApiClientRegistered(id, "居場所マップ", null, List.of("directory:read"), List.of("https://map.example.jp"), 120),
                new ApiClientSecretRotated(id),
                new ApiClientRevoked(id));
    }

    @Test
    void events_stored_under_their_new_names_are_left_alone() {
        DomainEventStream read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                stored(0, ApiClientRevoked.class.getName(), "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"}}")),
                SERIALIZER, new ApiClientEventsMoved());

        assertThat(read.next().getPayload()).isEqualTo(new ApiClientRevoked(new ApiClientId(APP)));
    }

    private static GenericDomainEventEntry<byte[]> stored(long sequence, String payloadType, String payload) {
        return new GenericDomainEventEntry<>("ApiClient", APP, sequence, "event-" + sequence,
                Instant.parse("2026-04-01T00:00:00Z"), payloadType, null, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
