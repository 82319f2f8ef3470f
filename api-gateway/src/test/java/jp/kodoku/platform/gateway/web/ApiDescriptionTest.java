package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published API description shows a write's expected version as what the client sends: the If-Match header. */
class ApiDescriptionTest extends ApiTest {

    @Test
    void writes_describe_if_match_as_a_header_and_no_expected_version_parameter() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");

        JsonNode patchProfile = paths.get("/api/v1/organizations/{id}/profile").get("patch").get("parameters");
        JsonNode revokeClient = paths.get("/api/v1/api-clients/{clientId}").get("delete").get("parameters");

        for (JsonNode parameters : List.of(patchProfile, revokeClient)) {
            assertThat(names(parameters)).contains("header If-Match").doesNotContain("query expectedVersion");
        }
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("in").asText() + " " + p.get("name").asText()));
        return names;
    }
}
