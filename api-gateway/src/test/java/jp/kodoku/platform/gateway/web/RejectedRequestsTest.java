package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.RawHttp;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security firewall or Tomcat refuses before any controller runs still answers as a problem
 * ({@code application/problem+json}), never an HTML page, a bare status or a 500.
 */
class RejectedRequestsTest extends ApiTest {

    @Test
    void a_header_value_in_utf8_is_a_400_naming_the_header() {
        long events = eventCount();

        Api.Response response = RawHttp.send(port, "POST", "/api/v1/applications",
                Map.of("Idempotency-Key", "鍵", "Content-Type", "application/json"), Api.json(Samples.application()));

        // header names are case-insensitive; Tomcat hands them on in lower case
        assertThat(fields(assertProblem(response, 400, "invalid-request"))).anyMatch("Idempotency-Key"::equalsIgnoreCase);
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/directory?q=[]",
            "/api/v1/directory?q={x}",
            "/api/v1/directory?category[$ne]=x",
            "/api/v1/directory/abc%2Fdef",
            "/api/v1/directory/abc%00def",
            "/api/v1/directory/abc%25def",
            "/api/v1/directory;jsessionid=1",
            "/api/v1//directory",
            "/api/v1/directory/../directory",
            "/api/v1/directory/%uFF0E",
            "/api/v1/directory/a b"})
    void a_url_refused_by_the_firewall_or_tomcat_is_a_400_problem(String target) {
        assertProblem(RawHttp.send(port, "GET", target, Map.of(), null), 400, "invalid-request");
    }

    @Test
    void an_over_long_query_is_a_400_problem() {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/directory?q=" + "a".repeat(20_000), Map.of(), null),
                400, "invalid-request");
    }

    @Test
    void oversized_headers_are_a_400_problem() {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/directory", Map.of("X-Padding", "p".repeat(20_000)), null),
                400, "invalid-request");
    }

    @Test
    void a_method_not_served_is_a_405_with_its_documented_type() {
        Api.Response response = api.delete("/api/v1/directory").token(jp.kodoku.platform.gateway.support.TestTokens.secretariat()).send();
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void a_body_in_another_media_type_is_a_415_with_its_documented_type() {
        Api.Response response = api.post("/api/v1/applications").header("Content-Type", "text/plain")
                                   .body(Api.json(Samples.application())).send();
        assertThat(fields(assertProblem(response, 415, "unsupported-media-type"))).contains("Content-Type");
    }

    @Test
    void an_address_nothing_serves_is_a_404_problem() {
        assertProblem(api.get("/api/v1/no-such-thing").token(jp.kodoku.platform.gateway.support.TestTokens.secretariat()).send(), 404, "not-found");
    }

    private static JsonNode assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo(Problems.BASE + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static java.util.List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }
}
