package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Only a token the platform's issuer signed, for this API, and still valid, gets in. */
class TokenValidationTest extends ApiTest {

    static Stream<Arguments> rejectedTokens() {
        String valid = TestTokens.secretariat();
        String[] parts = valid.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        return Stream.of(
                arguments("no token", null),
                arguments("an expired token", TestTokens.expired()),
                arguments("a token signed by another key", TestTokens.signedByAnotherKey()),
                arguments("a token from another issuer", TestTokens.fromAnotherIssuer()),
                arguments("a token for another audience", TestTokens.forAnotherAudience()),
                arguments("a token whose payload was altered", tamperedPayload),
                arguments("a token whose signature was altered", parts[0] + "." + parts[1] + "." + parts[2].substring(5) + "abcde"),
                arguments("not a token at all", "hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void is_refused_with_401_and_a_problem(String what, String token) {
        Api.Call call = api.get("/api/v1/organizations");
        if (token != null) {
            call.token(token);
        }
        Api.Response response = call.send();

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_valid_secretariat_token_gets_in() {
        assertThat(api.get("/api/v1/organizations").token(TestTokens.secretariat()).send().status()).isEqualTo(200);
    }

    @Test
    void public_reads_and_the_application_form_need_no_token() {
        assertThat(api.get("/api/v1/directory").send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/statistics/members?asOf=2022-12-01").send().status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").send().status()).isEqualTo(200);
    }
}
