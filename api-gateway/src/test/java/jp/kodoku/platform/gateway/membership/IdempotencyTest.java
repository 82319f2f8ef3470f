package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A creating request retried with the same Idempotency-Key creates nothing new and gets the first answer again. */
class IdempotencyTest extends ApiTest {

    @Test
    void a_retried_application_gets_the_same_answer_and_creates_one_organization() {
        Map<String, Object> application = Samples.application();
        String key = UUID.randomUUID().toString();

        Api.Response first = api.post("/api/v1/applications").header("Idempotency-Key", key).body(application).send();
        long events = eventCount();
        Api.Response retry = api.post("/api/v1/applications").header("Idempotency-Key", key).body(application).send();

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void the_same_key_with_a_different_body_is_refused() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/applications").header("Idempotency-Key", key).body(Samples.application()).send();
        long events = eventCount();

        Api.Response reused = api.post("/api/v1/applications").header("Idempotency-Key", key)
                                 .body(Samples.application()).send();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void concurrent_retries_with_one_key_create_one_organization() {
        Map<String, Object> application = Samples.application();
        String key = UUID.randomUUID().toString();
        long events = eventCount();

        List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() ->
                    api.post("/api/v1/applications").header("Idempotency-Key", key).body(application).send()));
        }
        List<Api.Response> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("organizationId").asText()).distinct()).hasSize(1);
        assertThat(eventCount()).isEqualTo(events + 1);
    }
}
