package jp.kodoku.platform.gateway.ratelimit;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform on PostgreSQL keeps its buckets where a second node would find them. */
class RateLimitsOnThePlatformTest extends ApiTest {

    @Test
    void an_application_is_counted_in_the_database_against_its_address() {
        assertThat(api.post("/api/v1/applications").body(Samples.application()).send().status()).isEqualTo(201);

        assertThat(jdbc.queryForList("SELECT id FROM rate_limit_buckets", String.class))
                .anySatisfy(id -> assertThat(id).startsWith("applications/").endsWith("/127.0.0.1"));
    }
}
