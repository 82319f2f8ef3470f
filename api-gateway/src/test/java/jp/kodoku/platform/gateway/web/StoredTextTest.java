package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.OrganizationProfileUpdated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Text the rule now refuses may already be stored in an event from before the rule. Reading it must still give
 * strict JSON: valid UTF-8, control characters escaped, a lone surrogate replaced rather than written as half a character.
 */
class StoredTextTest extends ApiTest {

    private static final String BAD = "古い説明\u0000\u0007\ud800\u202Eend\"\\";
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Autowired
    EventStore eventStore;

    @Test
    void a_bad_string_already_stored_in_an_event_is_read_back_as_strict_json() throws Exception {
        Map<String, Object> application = Samples.application();
        String id = new Members(api).activeMember(application);
        Map<String, Object> p = Samples.profileOf(application);
        OrganizationProfile profile = new OrganizationProfile((String) p.get("name"), (String) p.get("nameKana"),
                LegalForm.NPO_CORPORATION, (String) p.get("corporateNumber"), BodyType.NPO_SUPPORT, false, Set.of("13"),
                Set.of(FieldOfActivity.PLACE_TO_BELONG), Set.of(), Set.of(), null, BAD, true);
        long next = jdbc.queryForObject("SELECT MAX(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, id);
        String type = jdbc.queryForObject("SELECT MIN(type) FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, id);
        eventStore.publish(new GenericDomainEventMessage<>(type, id, next,
                new OrganizationProfileUpdated(new OrganizationId(id), profile, List.of("publicDescription"))));
        awaitProjections();

        for (String path : List.of("/api/v1/directory/" + id, "/api/v1/organizations/" + id)) {
            JsonNode body = strictlyParsed(path);
            String read = body.at("/publicDescription").isMissingNode() ? body.at("/profile/publicDescription").asText()
                    : body.at("/publicDescription").asText();
            // the read model may already have replaced the half character on its way in; either way none comes out
            assertThat(read).as(path).startsWith("古い説明\u0000\u0007").endsWith("\u202Eend\"\\").hasSize(BAD.length());
            assertThat(CheckedText.wellFormed(read)).as(path).isEqualTo(read);
        }
    }

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commandGateway;

    /** The rule holds for commands that never passed through a request body too: the command bus checks them. */
    @Test
    void a_command_sent_inside_the_platform_with_bad_text_is_refused_and_stores_nothing() {
        String id = new Members(api).activeMember(Samples.application());
        long events = eventCount();

        assertThatThrownBy(() -> commandGateway.sendAndWait(new jp.kodoku.platform.membership.api.AddContact(
                new OrganizationId(id), null, new jp.kodoku.platform.membership.api.ContactId("c-" + System.nanoTime()),
                new jp.kodoku.platform.membership.api.ContactDetails("花子\u202E", "hanako@example.jp", null, "事務局\u0000")))
        ).isInstanceOfSatisfying(jp.kodoku.platform.infra.errors.InvalidInput.class, e -> assertThat(e.violations())
                .extracting(jp.kodoku.platform.infra.errors.FieldViolation::field)
                .containsExactlyInAnyOrder("details.name", "details.department"));
        assertThat(eventCount()).isEqualTo(events);
    }

    private JsonNode strictlyParsed(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.secretariat()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + " " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                                            .decode(ByteBuffer.wrap(response.body())).toString();
        assertThat(text).as("control characters are escaped").doesNotContain("\u0000", "\u0007");
        return STRICT.readTree(text);
    }
}
