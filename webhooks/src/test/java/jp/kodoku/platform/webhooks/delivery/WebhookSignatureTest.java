package jp.kodoku.platform.webhooks.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** The test vector of the Standard Webhooks reference implementations: receivers' libraries accept what we send. */
    @Test
    void signs_the_standard_webhooks_test_vector_as_the_reference_implementations_do() {
        String header = WebhookSignature.header(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                                                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_the_header_carries_one_signature_per_secret_the_current_first() {
        String current = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String previous = "whsec_" + java.util.Base64.getEncoder().encodeToString("前の秘密鍵の三十二バイト".getBytes());

        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000, "{}");

        assertThat(header.split(" ")).containsExactly(
                "v1," + WebhookSignature.sign(current, "msg_1", 1700000000, "{}"),
                "v1," + WebhookSignature.sign(previous, "msg_1", 1700000000, "{}"));
    }
}
