package jp.kodoku.platform.gateway.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps many tests share: apply, approve. Each asserts its own success so a failing step names itself. */
public final class Members {

    private final Api api;

    public Members(Api api) {
        this.api = api;
    }

    public record Applied(String id, String accessUrl, Map<String, Object> body) {
    }

    public Applied apply(Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/applications").body(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Applied(response.json().get("organizationId").asText(), response.json().get("accessUrl").asText(), body);
    }

    /** Applies and approves; returns the organization id. */
    public String activeMember(Map<String, Object> body) {
        Applied applied = apply(body);
        Api.Response approved = api.post("/api/v1/organizations/" + applied.id() + "/approval")
                                   .token(TestTokens.secretariat()).body(Map.of("joinedOn", "2024-04-01")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return applied.id();
    }
}
