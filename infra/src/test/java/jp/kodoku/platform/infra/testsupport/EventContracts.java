package jp.kodoku.platform.infra.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every event is a contract (DESIGN.md §9): its stored JSON is pinned in the module's
 * {@code src/test/resources/contracts/<Event>.json}. A change of shape fails here; the fix is a new event or an
 * upcaster (with a test reading the old form), never an edited contract. Each module's {@code EventContractTest} lists
 * a sample of every event and says how it knows none is missing.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = EventStoreConfiguration.eventMapper()
                                                                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private EventContracts() {
    }

    /** The event written as the event store writes it equals its contract, and the contract reads back as the event. */
    public static void assertKeepsItsContract(Object event) throws IOException {
        String name = event.getClass().getSimpleName() + ".json";
        // Through text, as the event store keeps it: a long field would otherwise be a LongNode here and an IntNode
        // when read back from the contract, and the two never compare equal.
        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));
        try (InputStream pinned = EventContracts.class.getResourceAsStream("/contracts/" + name)) {
            if (pinned == null) {
                Path file = Path.of("src/test/resources/contracts", name);
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
                fail("new event " + name + ": its contract was written to " + file + "; review and commit it");
            }
            JsonNode contract = JSON.readTree(pinned);
            assertThat(written).as("shape of " + name).isEqualTo(contract);
            assertThat(JSON.treeToValue(contract, event.getClass())).isEqualTo(event);
        }
    }
}
