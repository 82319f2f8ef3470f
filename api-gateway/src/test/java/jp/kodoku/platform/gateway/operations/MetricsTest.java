package jp.kodoku.platform.gateway.operations;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prometheus reads the platform's metrics from the management port, which is not the API's; the API port keeps only
 * the load balancer's two checks. What the metrics must hold is what docs/operations.md tells operators to alert on.
 */
class MetricsTest extends ApiTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void metrics_are_served_on_the_management_port_and_not_on_the_api_port() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(new Api(managementPort).get("/actuator/prometheus").send().status()).isEqualTo(200);

        assertThat(api.get("/actuator/prometheus").send().status()).as("anonymous on the API port").isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").token(TestTokens.secretariat()).send().status())
                .as("not even the secretariat reads metrics through the API port: it is not served there").isEqualTo(404);
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(401);
    }

    @Test
    void the_load_balancer_checks_readiness_and_liveness_on_the_api_port_without_a_token() {
        Api.Response ready = api.get("/readyz").send();
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/livez").send().status()).isEqualTo(200);
        assertThat(new Api(managementPort).get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void request_latency_is_measured_by_endpoint_template_in_histogram_buckets() {
        String id = new Members(api).activeMember(Samples.application());
        // the directory shows a new member once its projection has handled the approval
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/directory/" + id).send().status() == 200);

        String metrics = scrape();
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*method=\"GET\"[^}]*uri=\"/api/v1/directory/\\{organizationId}\"[^}]*le=\"0\\.1\"");
        assertThat(metrics).doesNotContain("uri=\"/api/v1/directory/" + id + "\"");
    }

    @Test
    void command_latency_is_measured_by_command_type() {
        new Members(api).apply(Samples.application());

        assertThat(scrape()).containsPattern(
                "commandBus_allTimer_seconds_bucket\\{[^}]*payloadType=\"SubmitMembershipApplication\"");
    }

    @Test
    void each_projection_segment_reports_how_far_it_is_behind_the_newest_event() {
        new Members(api).apply(Samples.application());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("platform_projection_lag_events\\{[^}]*processor=\"directory\",segment=\"0\"[^}]*} 0\\.0")
                .contains("processor=\"statistics\"").contains("processor=\"accounts\""));
    }

    private String scrape() {
        Api.Response response = new Api(managementPort).get("/actuator/prometheus").send();
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }
}
