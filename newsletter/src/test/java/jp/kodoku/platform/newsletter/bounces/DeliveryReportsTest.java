package jp.kodoku.platform.newsletter.bounces;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery status notifications (RFC 3464) as mail servers write them, read into failed recipients. */
class DeliveryReportsTest {

    private static final String ORIGINAL = "<newsletter.9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718.contact-5b8e1f7a@localhost>";

    @Test
    void a_report_names_the_failed_recipient_its_status_the_servers_diagnostic_and_the_original_message() throws Exception {
        DeliveryReports.DeliveryReport report = DeliveryReports.read(mail("""
                Message-ID: <dsn-1@mx.example.jp>
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.jp

                Final-Recipient: rfc822; hanako@sakura.example.jp
                Action: failed
                Status: 5.1.1 (bad destination mailbox address)
                Diagnostic-Code: smtp; 550 5.1.1 <hanako@sakura.example.jp>:
                 Recipient address rejected: User unknown

                --b
                Content-Type: text/rfc822-headers

                Message-ID: %s
                Subject: =?UTF-8?B?5LiN6YGU?=

                --b--
                """.formatted(ORIGINAL))).orElseThrow();

        assertThat(report.reportId()).isEqualTo("<dsn-1@mx.example.jp>");
        assertThat(report.originalMessageId()).isEqualTo(ORIGINAL);
        assertThat(report.failed()).containsExactly(new DeliveryReports.FailedRecipient("hanako@sakura.example.jp",
                "5.1.1", "550 5.1.1 <hanako@sakura.example.jp>: Recipient address rejected: User unknown"));
    }

    @Test
    void the_returned_message_itself_names_the_original_too_and_only_failed_recipients_count() throws Exception {
        DeliveryReports.DeliveryReport report = DeliveryReports.read(mail("""
                Message-ID: <dsn-2@mx.example.jp>
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.jp

                Final-Recipient: rfc822; taro@example.jp
                Action: delayed
                Status: 4.4.1

                Final-Recipient: rfc822; jiro@example.jp
                Action: failed
                Status: 4.2.2
                Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

                --b
                Content-Type: message/rfc822

                Message-ID: %s
                Subject: test

                本文
                --b--
                """.formatted(ORIGINAL))).orElseThrow();

        assertThat(report.originalMessageId()).isEqualTo(ORIGINAL);
        assertThat(report.failed()).containsExactly(
                new DeliveryReports.FailedRecipient("jiro@example.jp", "4.2.2", "452 4.2.2 Mailbox full"));
    }

    @Test
    void a_report_without_a_message_id_is_known_by_its_bytes_and_without_returned_headers_names_no_original()
            throws Exception {
        String text = """
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.jp

                Original-Recipient: rfc822;saburo@example.jp
                Action: failed
                Status: 5.2.1

                --b--
                """;
        DeliveryReports.DeliveryReport first = DeliveryReports.read(mail(text)).orElseThrow();
        DeliveryReports.DeliveryReport again = DeliveryReports.read(mail(text)).orElseThrow();

        assertThat(first.reportId()).startsWith("sha256:").isEqualTo(again.reportId());
        assertThat(first.originalMessageId()).isNull();
        assertThat(first.failed()).containsExactly(new DeliveryReports.FailedRecipient("saburo@example.jp", "5.2.1", null));
    }

    @Test
    void an_auto_reply_or_another_report_type_is_not_a_delivery_report() throws Exception {
        assertThat(DeliveryReports.read(mail("""
                Message-ID: <ooo@example.jp>
                Content-Type: text/plain; charset=UTF-8
                Subject: 不在のお知らせ

                不在です。
                """))).isEmpty();
        assertThat(DeliveryReports.read(mail("""
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                --b
                Content-Type: message/disposition-notification

                Final-Recipient: rfc822; hanako@example.jp
                Disposition: manual-action/MDN-sent-manually; displayed

                --b--
                """))).isEmpty();
    }

    private static MimeMessage mail(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

}
