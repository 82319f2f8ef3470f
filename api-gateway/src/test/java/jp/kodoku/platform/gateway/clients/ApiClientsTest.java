package jp.kodoku.platform.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Third-party apps against the real Keycloak: registration, tokens, rotation, rate limit, revocation, CORS, scopes. */
class ApiClientsTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MongoTemplate mongoTemplate;
    private static final AtomicLong ORIGINS = new AtomicLong(System.nanoTime() % 1_000_000L);

    private record Registered(String clientId, String secret, String origin, JsonNode body) {
    }

    private Registered register(List<String> scopes, Integer ratePerMinute) {
        return register(scopes, ratePerMinute, null);
    }

    private Registered register(List<String> scopes, Integer ratePerMinute, String organizationId) {
        String origin = "https://app-" + ORIGINS.incrementAndGet() + ".example.jp";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "居場所マップ");
        body.put("scopes", scopes);
        body.put("allowedOrigins", List.of(origin));
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        if (ratePerMinute != null) {
            body.put("ratePerMinute", ratePerMinute);
        }
        Api.Response response = api.post("/api/v1/api-clients").token(TestTokens.secretariat()).body(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        return new Registered(json.get("clientId").asText(), json.get("clientSecret").asText(), origin, json);
    }

    private static String clientToken(Registered client) {
        return TestTokens.KEYCLOAK.clientToken(client.clientId(), client.secret());
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_registered_client_gets_its_secret_once_and_reads_the_directory_with_its_token() {
        Api.Response response = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                   .body(Map.of("name", "  外部ポータル ", "scopes", List.of("directory:read", "feed:read"),
                                           "allowedOrigins", List.of("https://Portal.Example.JP/")))
                                   .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        String clientId = body.get("clientId").asText();
        String secret = body.get("clientSecret").asText();
        assertThat(clientId).matches("app-[a-z2-9]{16}");
        assertThat(secret).isNotBlank();
        assertThat(response.header("Location")).isEqualTo("/api/v1/api-clients/" + clientId);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(body.get("name").asText()).isEqualTo("外部ポータル");
        assertThat(body.get("allowedOrigins").get(0).asText()).isEqualTo("https://portal.example.jp");
        assertThat(body.get("ratePerMinute").asInt()).isEqualTo(120);
        assertThat(body.get("tokenEndpoint").asText()).isEqualTo(TestTokens.KEYCLOAK.tokenEndpoint());

        String token = TestTokens.KEYCLOAK.clientToken(clientId, secret);
        JsonNode claims = claims(token);
        assertThat(claims.get("azp").asText()).isEqualTo(clientId);
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"api-client\"");
        assertThat(claims.get("aud").toString()).contains("platform-api");
        assertThat(claims.get("scope").asText().split(" ")).contains("directory:read", "feed:read")
                                                          .doesNotContain("events:read");
        assertThat(claims.has("organization_id")).isFalse();

        Api.Response directory = api.get("/api/v1/directory").token(token).send();
        assertThat(directory.status()).as(directory.toString()).isEqualTo(200);

        awaitProjections();
        Api.Response list = api.get("/api/v1/api-clients?limit=100").token(TestTokens.secretariat()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(clientId).doesNotContain(secret);
        Api.Response one = api.get("/api/v1/api-clients/" + clientId).token(TestTokens.secretariat()).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(one.json().get("registeredBy").asText()).isEqualTo("jimukyoku");
        assertThat(one.text()).doesNotContain(secret);

        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, clientId);
        assertThat(payloads).hasSize(1);
        assertThat(new String(payloads.get(0), StandardCharsets.UTF_8)).contains("directory:read").doesNotContain(secret);
    }

    @Test
    void a_client_of_a_member_organization_carries_the_organization_in_its_tokens() {
        String organizationId = new Members(api).activeMember(Samples.application());
        awaitProjections();

        Registered client = register(List.of("directory:read"), null, organizationId);

        assertThat(claims(clientToken(client)).get("organization_id").asText()).isEqualTo(organizationId);
    }

    @Test
    void a_registration_with_bad_fields_or_an_unknown_organization_is_refused_with_400() {
        Api.Response bad = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                              .body(Map.of("name", "", "scopes", List.of("directory:write"),
                                      "allowedOrigins", List.of("http://app.example.jp", "https://*.example.jp"),
                                      "ratePerMinute", 0))
                              .send();
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("name", "scopes[0]", "allowedOrigins[0]", "allowedOrigins[1]", "ratePerMinute");

        Api.Response unknown = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                  .body(Map.of("name", "外部システム", "scopes", List.of("directory:read"),
                                          "organizationId", UUID.randomUUID().toString()))
                                  .send();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("organizationId");
    }

    @Test
    void rotating_the_secret_stops_the_old_one_and_the_new_one_works() {
        Registered client = register(List.of("directory:read"), null);

        Api.Response rotated = api.post("/api/v1/api-clients/" + client.clientId() + "/secret")
                                  .token(TestTokens.secretariat()).send();

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().get("clientSecret").asText();
        assertThat(newSecret).isNotBlank().isNotEqualTo(client.secret());
        assertThat(rotated.header("ETag")).isEqualTo("\"1\"");
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        assertThatThrownBy(() -> clientToken(client)).hasMessageContaining("Keycloak refused");
        String token = TestTokens.KEYCLOAK.clientToken(client.clientId(), newSecret);
        assertThat(api.get("/api/v1/directory").token(token).send().status()).isEqualTo(200);
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after_while_people_are_not_limited() {
        Registered client = register(List.of("directory:read"), 3);
        awaitProjections(); // the gateway learns the client's rate from the read model
        String token = clientToken(client);

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/directory").token(token).send().status()).isEqualTo(200);
        }
        Api.Response limited = api.get("/api/v1/directory").token(token).send();

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asText()).endsWith("/rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(limited.header("X-Correlation-Id")).isNotBlank();
        String person = TestTokens.secretariat();
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/directory").token(person).send().status()).isEqualTo(200);
        }
    }

    @Test
    void a_revoked_clients_tokens_are_refused_and_it_gets_no_new_ones() {
        Registered client = register(List.of("directory:read"), null);
        String token = clientToken(client);
        assertThat(api.get("/api/v1/directory").token(token).send().status()).isEqualTo(200);

        Api.Response revoked = api.delete("/api/v1/api-clients/" + client.clientId()).token(TestTokens.secretariat()).send();

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        Api.Response refused = api.get("/api/v1/directory").token(token).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        assertThatThrownBy(() -> clientToken(client)).hasMessageContaining("Keycloak refused");
        assertThat(api.delete("/api/v1/api-clients/" + client.clientId()).token(TestTokens.secretariat()).send().status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/api-clients/" + client.clientId() + "/secret").token(TestTokens.secretariat()).send()
                      .status()).isEqualTo(409);
        awaitProjections();
        Api.Response one = api.get("/api/v1/api-clients/" + client.clientId()).token(TestTokens.secretariat()).send();
        assertThat(one.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(api.get("/api/v1/directory").token(token).send().status()).isEqualTo(401);
    }

    @Test
    void a_browser_page_from_a_registered_origin_may_call_the_api_and_other_origins_get_no_cors_headers() {
        Registered client = register(List.of("directory:read"), null);
        awaitProjections(); // CORS follows the read model

        HttpResponse<String> preflight = preflight("/api/v1/directory", client.origin());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(client.origin());
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("GET");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "if-match", "idempotency-key", "x-correlation-id", "content-type");

        Api.Response read = api.get("/api/v1/directory").header("Origin", client.origin()).token(clientToken(client)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(client.origin());
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "X-Correlation-Id");

        String stranger = "https://stranger.example.jp";
        HttpResponse<String> refused = preflight("/api/v1/directory", stranger);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Api.Response strangerRead = api.get("/api/v1/directory").header("Origin", stranger).send();
        assertThat(strangerRead.header("Access-Control-Allow-Origin")).isNull();

        api.delete("/api/v1/api-clients/" + client.clientId()).token(TestTokens.secretariat()).send();
        awaitProjections();
        assertThat(preflight("/api/v1/directory", client.origin()).headers().firstValue("Access-Control-Allow-Origin"))
                .as("a revoked client's origin").isEmpty();
    }

    @Test
    void a_client_without_directory_read_is_refused_the_directory_while_anonymous_callers_are_not() {
        Registered client = register(List.of("events:read"), null);
        String token = clientToken(client);

        Api.Response refused = api.get("/api/v1/directory").token(token).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("directory:read");
        assertThat(api.get("/api/v1/statistics/members").token(token).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/directory").send().status()).isEqualTo(200);
    }

    @Test
    void only_the_secretariat_manages_api_clients() {
        Registered client = register(List.of("directory:read"), null);
        String memberAdmin = TestTokens.memberAdmin(UUID.randomUUID().toString());
        String app = clientToken(client);
        String someone = "/api/v1/api-clients/" + client.clientId();
        Map<String, Object> body = Map.of("name", "勝手なアプリ", "scopes", List.of("directory:read"));

        for (String token : new String[]{memberAdmin, app}) {
            assertThat(api.get("/api/v1/api-clients").token(token).send().status()).isEqualTo(403);
            assertThat(api.get(someone).token(token).send().status()).isEqualTo(403);
            assertThat(api.post("/api/v1/api-clients").token(token).body(body).send().status()).isEqualTo(403);
            assertThat(api.post(someone + "/secret").token(token).send().status()).isEqualTo(403);
            assertThat(api.delete(someone).token(token).send().status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/organizations").token(app).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/api-clients").send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/api-clients").body(body).send().status()).isEqualTo(401);
        assertThat(api.delete(someone).send().status()).isEqualTo(401);
    }

    @Test
    void an_unknown_client_is_404() {
        String secretariat = TestTokens.secretariat();
        assertThat(api.post("/api/v1/api-clients/app-zzzzzzzzzzzzzzzz/secret").token(secretariat).send().status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/api-clients/not-a-client").token(secretariat).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/api-clients/app-zzzzzzzzzzzzzzzz").token(secretariat).send().status()).isEqualTo(404);
    }

    /**
     * The events were first stored under {@code jp.kodoku.platform.gateway.clients.*}; the upcaster renames them as
     * they are read, so the projection lists such a client and the aggregate still knows it was revoked.
     */
    @Test
    void a_client_whose_events_were_stored_under_the_old_package_is_still_listed_and_still_revoked() {
        String clientId = ApiClientId.random().value();
        String old = "jp.kodoku.platform.gateway.clients.";
        storeAsBeforeTheMove(clientId, 0, old + "ApiClientRegistered", "{\"clientId\":{\"value\":\"" + clientId
                + "\"},\"name\":\"移行前のアプリ\",\"organizationId\":null,\"scopes\":[\"directory:read\"],"
                + "\"allowedOrigins\":[],\"ratePerMinute\":60}");
        storeAsBeforeTheMove(clientId, 1, old + "ApiClientRevoked", "{\"clientId\":{\"value\":\"" + clientId + "\"}}");
        awaitProjections();

        Api.Response listed = api.get("/api/v1/api-clients/" + clientId).token(TestTokens.secretariat()).send();
        Api.Response rotated = api.post("/api/v1/api-clients/" + clientId + "/secret").token(TestTokens.secretariat()).send();

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("name").asText()).isEqualTo("移行前のアプリ");
        assertThat(listed.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(listed.etag()).isEqualTo("\"1\"");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(409);
    }

    private void storeAsBeforeTheMove(String clientId, long sequence, String payloadType, String payload) {
        jdbc.update("INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, "
                        + "timestamp, payloadtype, payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), clientId, sequence, "ApiClient", Instant.now().toString(), payloadType,
                null, payload.getBytes(StandardCharsets.UTF_8),
                "{\"principal\":\"jimukyoku\",\"correlationId\":\"before-the-move\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void another_gateway_instance_learns_of_a_revocation_from_the_read_model() {
        Registered client = register(List.of("directory:read"), 30);
        api.delete("/api/v1/api-clients/" + client.clientId()).token(TestTokens.secretariat()).send();
        awaitProjections();

        ApiClientRegistry elsewhere = new ApiClientRegistry(mongoTemplate);

        assertThat(elsewhere.isRevoked(client.clientId())).isTrue();
        assertThat(elsewhere.find(client.clientId()).orElseThrow().ratePerMinute()).isEqualTo(30);
        assertThat(elsewhere.allowsOrigin(client.origin())).isFalse();
    }

    @Test
    void the_read_model_rebuilt_from_the_events_is_the_same_and_revoked_tokens_stay_refused() {
        Registered kept = register(List.of("directory:read"), null);
        Registered revoked = register(List.of("directory:read"), null);
        String revokedToken = clientToken(revoked);
        String secretariat = TestTokens.secretariat();
        api.post("/api/v1/api-clients/" + kept.clientId() + "/secret").token(secretariat).send();
        api.delete("/api/v1/api-clients/" + revoked.clientId()).token(secretariat).send();
        awaitProjections();
        String before = api.get("/api/v1/api-clients?limit=100").token(secretariat).send().text();

        projections.rebuild("api-clients");
        assertThat(api.get("/api/v1/directory").token(revokedToken).send().status()).isEqualTo(401);
        awaitProjections();

        assertThat(api.get("/api/v1/api-clients?limit=100").token(secretariat).send().text()).isEqualTo(before);
        assertThat(api.get("/api/v1/directory").token(revokedToken).send().status()).isEqualTo(401);
    }

    @Test
    void the_list_pages_with_a_cursor() {
        register(List.of("directory:read"), null);
        register(List.of("directory:read"), null);
        awaitProjections();
        String secretariat = TestTokens.secretariat();

        JsonNode first = api.get("/api/v1/api-clients?limit=1").token(secretariat).send().json();
        JsonNode second = api.get("/api/v1/api-clients?limit=1&cursor=" + first.get("nextCursor").asText())
                             .token(secretariat).send().json();

        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("clientId").asText())
                .isNotEqualTo(first.get("items").get(0).get("clientId").asText());
        assertThat(api.get("/api/v1/api-clients?cursor=bogus").token(secretariat).send().status()).isEqualTo(400);
    }

    // ---- CORS preflight: the shared test client has no OPTIONS --------------------------------------------------

    private HttpResponse<String> preflight(String path, String origin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                         .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                         .header("Origin", origin)
                                         .header("Access-Control-Request-Method", "GET")
                                         .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key,x-correlation-id")
                                         .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
