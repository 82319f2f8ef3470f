package jp.kodoku.platform.gateway.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The API-client events as the event store keeps them, pinned. A change of shape fails here; the fix is a new event
 * or an upcaster, never an edited line below.
 */
class ApiClientEventContractTest {

    private static final ObjectMapper JSON = EventStoreConfiguration.eventMapper()
                                                                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ApiClientId APP = new ApiClientId("app-abcdefghijkmnpqr");

    static Stream<Arguments> events() {
        return Stream.of(
                arguments(new ApiClientRegistered(APP, "居場所マップ", "3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01",
                                List.of("directory:read", "events:read"), List.of("https://map.example.jp"), 120),
                        "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"},\"name\":\"居場所マップ\","
                                + "\"organizationId\":\"3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01\","
                                + "\"scopes\":[\"directory:read\",\"events:read\"],"
                                + "\"allowedOrigins\":[\"https://map.example.jp\"],\"ratePerMinute\":120}"),
                arguments(new ApiClientSecretRotated(APP), "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"}}"),
                arguments(new ApiClientRevoked(APP), "{\"clientId\":{\"value\":\"app-abcdefghijkmnpqr\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void is_stored_in_its_pinned_shape_and_read_back_from_it(Object event, String stored) throws Exception {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(JSON.readTree(stored));
        assertThat(JSON.readValue(stored, event.getClass())).isEqualTo(event);
    }
}
