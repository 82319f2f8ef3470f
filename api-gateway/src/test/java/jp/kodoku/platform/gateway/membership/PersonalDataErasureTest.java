package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contact persons' names, e-mails and phones are sealed per person; an erasure request destroys the key, and after it
 * no trace of them remains in the event table, the read models (even rebuilt) or any API response.
 */
class PersonalDataErasureTest extends ApiTest {

    @Autowired
    MongoClient mongo;

    @Test
    void personal_data_is_never_stored_in_plain_text() {
        Map<String, Object> application = Samples.application();
        String id = new Members(api).activeMember(application);
        awaitProjections();

        assertNoTraceAnywhere(id, Samples.contactOf(application));
        JsonNode contact = api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json()
                              .get("contacts").get(0);
        assertThat(contact.get("name").asText()).isEqualTo(Samples.contactOf(application).get("name"));
    }

    @Test
    void after_erasure_no_trace_of_the_contact_remains_in_events_read_models_or_responses() {
        Map<String, Object> application = Samples.application();
        Map<String, Object> person = Samples.contactOf(application);
        String id = new Members(api).activeMember(application);
        awaitProjections();
        String secretariat = TestTokens.secretariat();
        String contactId = api.get("/api/v1/organizations/" + id).token(secretariat).send().json()
                              .get("contacts").get(0).get("contactId").asText();
        String email = (String) person.get("email");
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestTokens.realm().users().searchByEmail(email, true).isEmpty());
        // the person's data also travels in later events: change it once before the erasure
        Api.Response changed = api.put("/api/v1/organizations/" + id + "/contacts/" + contactId).token(secretariat)
                                  .header("If-Match", "\"1\"")
                                  .body(Map.of("name", person.get("name"), "email", person.get("email"),
                                          "phone", person.get("phone"), "department", "総務部")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        Api.Response erased = api.post("/api/v1/organizations/" + id + "/contacts/" + contactId + "/erasure")
                                 .token(secretariat).body(Map.of("reason", "本人からの削除請求")).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode contact = api.get("/api/v1/organizations/" + id).token(secretariat).send().json().get("contacts").get(0);
        assertThat(contact.get("erased").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestTokens.realm().users().searchByEmail(email, true)).as("the person's Keycloak account").isEmpty());
        assertThat(api.get("/api/v1/organizations/" + id + "/admins").token(secretariat).send().text()).doesNotContain(email);
        assertThat(contact.get("name").isNull()).isTrue();
        assertThat(contact.get("department").asText()).as("not personal data").isEqualTo("総務部");
        assertNoTraceAnywhere(id, person);

        // the history stays whole: every event of the organization is still there and still loads
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND "
                + NOT_ACCOUNT_RECORD, Integer.class, id)).isEqualTo(4);
        Api.Response afterwards = api.post("/api/v1/organizations/" + id + "/suspension").token(secretariat)
                                     .body(Map.of("reason", "確認")).send();
        assertThat(afterwards.status()).isEqualTo(200);

        // and a rebuilt read model cannot bring the data back
        projections.rebuild("directory");
        awaitProjections();
        assertNoTraceAnywhere(id, person);
        assertThat(api.get("/api/v1/organizations/" + id).token(secretariat).send().json()
                      .get("contacts").get(0).get("erased").asBoolean()).isTrue();
    }

    @Test
    void only_the_secretariat_may_erase() {
        String id = new Members(api).activeMember(Samples.application());
        awaitProjections();
        String contactId = api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json()
                              .get("contacts").get(0).get("contactId").asText();
        assertThat(api.post("/api/v1/organizations/" + id + "/contacts/" + contactId + "/erasure")
                      .token(TestTokens.memberAdmin(id)).send().status()).isEqualTo(403);
    }

    /** Plain name, e-mail or phone: nowhere in the event table, the read models, or the API's answers. */
    private void assertNoTraceAnywhere(String id, Map<String, Object> person) {
        List<String> secrets = List.of((String) person.get("name"), (String) person.get("email"), (String) person.get("phone"));
        List<String> eventText = new ArrayList<>();
        jdbc.query("SELECT payload, metadata FROM domainevententry", rs -> {
            eventText.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            eventText.add(rs.getBytes(2) == null ? "" : new String(rs.getBytes(2), StandardCharsets.UTF_8));
        });
        String everyEvent = String.join("\n", eventText);

        StringBuilder everyDocument = new StringBuilder();
        var database = mongo.getDatabase("platform");
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                everyDocument.append(document.toJson()).append('\n');
            }
        }

        String responses = api.get("/api/v1/directory/" + id).send().text()
                + api.get("/api/v1/organizations/" + id + "/history").token(TestTokens.secretariat()).send().text()
                + api.get("/api/v1/directory?limit=100").send().text();

        for (String secret : secrets) {
            assertThat(everyEvent).as("event table").doesNotContain(secret);
            assertThat(everyDocument.toString()).as("read models").doesNotContain(secret);
            assertThat(responses).as("public responses").doesNotContain(secret);
        }
    }
}
