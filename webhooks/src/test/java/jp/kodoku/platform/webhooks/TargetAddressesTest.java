package jp.kodoku.platform.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a webhook may go: the rules against server-side request forgery. */
class TargetAddressesTest {

    @Test
    void a_public_https_url_may_be_subscribed_to() {
        assertThat(TargetAddresses.problemWithUrl("https://hooks.portal.example.jp/kodoku?tenant=13", false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.jp/x", "ftp://hooks.example.jp/x", "hooks.example.jp/x",
                            "https://user:pw@hooks.example.jp/x", "https://hooks.example.jp/x#frag", "https:///x"})
    void a_url_that_is_not_plain_https_is_refused(String url) {
        assertThat(TargetAddresses.problemWithUrl(url, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://10.1.2.3/x",
                            "https://172.16.0.1/x", "https://192.168.1.10/x", "https://169.254.169.254/latest/meta-data",
                            "https://[fe80::1]/x", "https://[fd00::1]/x", "https://100.64.0.1/x", "https://0.0.0.0/x",
                            "https://[::ffff:10.0.0.1]/x"})
    void an_address_of_this_machine_or_a_private_network_is_refused(String url) {
        assertThat(TargetAddresses.problemWithUrl(url, false)).isPresent();
    }

    @Test
    void when_configured_for_tests_loopback_is_allowed_even_by_http_but_a_private_network_is_not() {
        assertThat(TargetAddresses.problemWithUrl("http://127.0.0.1:8999/hook", true)).isEmpty();
        assertThat(TargetAddresses.problemWithUrl("http://localhost:8999/hook", true)).isEmpty();
        assertThat(TargetAddresses.problemWithUrl("https://192.168.1.10/x", true)).isPresent();
        assertThat(TargetAddresses.problemWithUrl("http://hooks.example.jp/x", true)).isPresent();
    }

    @Test
    void a_name_is_checked_again_at_send_time_with_every_address_it_resolves_to() throws Exception {
        assertThat(TargetAddresses.problemWithHostNow("localhost", false)).isPresent();
        assertThat(TargetAddresses.problemWithHostNow("localhost", true)).isEmpty();
        assertThat(TargetAddresses.problemWithAddress(InetAddress.getByName("203.0.113.7"), false)).isEmpty();
    }
}
