package jp.kodoku.platform.infra.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hanako@ibasho.example.jp", "h.tanaka+npo@example.org", "o'brien@example.com",
            "info@例え.jp", "a@b.co", "user_1-x@sub-domain.example.jp"})
    void addresses_keycloak_and_smtp_deliver_to_are_accepted(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"花子@example.jp", "hanakó@example.jp", "hanako@", "@example.jp", "hanako@localhost",
            "hanako@example", "hanako..x@example.jp", ".hanako@example.jp", "hanako.@example.jp", "\"quoted\"@example.jp",
            "a b@example.jp", "hanako@exa mple.jp", "hanako@-example.jp", "hanako@example-.jp", "hanako@example..jp",
            "hanako@192.168.0.1", "<a>@example.jp", "hanako@[127.0.0.1]", "a@b@example.jp", "hanako@example.jp\n",
            "x@xn--.jp"})
    void addresses_either_would_refuse_are_refused(String address) {
        assertThat(EmailAddresses.isValid(address)).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 255})
    void over_long_parts_are_refused(int length) {
        String address = length == 65 ? "a".repeat(65) + "@example.jp" : "a@" + "b".repeat(60) + "." + "c".repeat(190) + ".jp";
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }
}
