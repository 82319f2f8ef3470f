package jp.kodoku.platform.infra.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jp.kodoku.platform.infra.effects.EffectsNode;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.OutboxState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A production-style relay (spring.mail.host) that is down for a while: mail waits in the outbox and none is lost. */
class MailRelayDownTest {

    private ConfigurableApplicationContext node;
    private GreenMail relay;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void mail_for_a_relay_that_is_down_is_retried_and_delivered_once_it_is_back() throws Exception {
        int port = freePort();
        node = EffectsNode.start("relay-down", EffectsNode.h2(), List.of(),
                                 "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
                                 "--platform.outbox.first-retry=300ms", "--platform.outbox.max-retry=500ms",
                                 "--platform.outbox.max-attempts=100");
        assertThat(node.getBeansOfType(GreenMail.class)).as("a configured relay: no embedded server").isEmpty();

        new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                node.getBean(PlatformMail.class).enqueue("relay-down/1", Mail.to(
                        "kimura@example.jp", "中継サーバ停止中のお知らせ", "test/notice",
                        Map.of("title", "t", "organization", "木村商店", "message", "届きます", "link", "https://kodoku.example.jp/"))));

        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM outbox WHERE dedupe_key = 'relay-down/1'", Integer.class) >= 2);
        assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE dedupe_key = 'relay-down/1'", String.class))
                .containsIgnoringCase("connect");
        assertThat(node.getBean(Outbox.class).stateOf(PlatformMail.KIND, "relay-down/1")).contains(OutboxState.PENDING);

        relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> node.getBean(Outbox.class).stateOf(PlatformMail.KIND, "relay-down/1")
                                                               .orElseThrow() == OutboxState.DONE);
        assertThat(relay.getReceivedMessages()).hasSize(1);
        assertThat(relay.getReceivedMessages()[0].getSubject()).isEqualTo("中継サーバ停止中のお知らせ");
        MeterRegistry meters = node.getBean(MeterRegistry.class);
        assertThat(meters.get("platform.mail.failed").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("platform.mail.sent").counter().count()).isEqualTo(1);
    }

    @Test
    void a_relay_refusing_a_mailbox_for_good_is_told_apart_from_a_relay_saying_try_later() {
        var refused = new org.springframework.mail.MailSendException("send failed", new jakarta.mail.SendFailedException(
                "Invalid Addresses", new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
                        new jakarta.mail.internet.InternetAddress(), "RCPT TO", 550, "5.1.1 mailbox unknown")));
        var later = new org.springframework.mail.MailSendException("send failed", new jakarta.mail.SendFailedException(
                "Invalid Addresses", new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
                        new jakarta.mail.internet.InternetAddress(), "RCPT TO", 451, "4.3.0 try again later")));

        assertThat(MailOutboxHandler.permanentSmtpRefusal(refused)).isTrue();
        assertThat(MailOutboxHandler.permanentSmtpRefusal(later)).isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
