package jp.kodoku.platform.gateway.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.newsletter.UnsubscribeLinks;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounces through real components (ADR 0048): an issue's mail carries the bounce mailbox as its envelope sender; a
 * delivery status notification (RFC 3464) delivered by SMTP into that mailbox on the embedded GreenMail is read over
 * IMAP by the recurring task, suspends the address (a hard bounce), which leaves the recipient count and shows with
 * its reason to the secretariat, who lifts it through the API. A mail to List-Unsubscribe's mailto with the token in
 * its subject unsubscribes (the consent ledger says MAIL). Mails that cannot be handled are kept, flagged.
 */
class NewsletterBouncesApiTest extends ApiTest {

    private static final String BOUNCES = "bounces@localhost";
    private static final String UNSUBSCRIBE = "unsubscribe@localhost";

    @Autowired
    private GreenMail greenMail;

    @Autowired
    private UnsubscribeLinks unsubscribeLinks;

    @Test
    void a_hard_bounce_of_an_issue_suspends_the_address_with_its_reason_until_the_secretariat_lifts_it()
            throws Exception {
        String address = "bounce-" + UUID.randomUUID() + "@example.jp";
        String subscriber = Newsletters.confirmedSubscriber(api, greenMail, address);
        awaitProjections();
        long receiving = publicRecipients();
        String issue = sentToPublicSubscribers("不達確認号");
        MimeMessage mail = awaitIssueMail(address, issue);
        assertThat(mail.getHeader("Return-Path")[0]).as("the envelope sender").isEqualTo("<" + BOUNCES + ">");

        String report = "<dsn-" + UUID.randomUUID() + "@mx.example.jp>";
        deliver(BOUNCES, deliveryStatusNotification(report, address, mail.getMessageID(), "5.1.1",
                "smtp; 550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"));

        JsonNode bounced = await().atMost(Duration.ofSeconds(60)).until(() -> bounceOf(subscriber),
                b -> b != null && b.get("suspended").asBoolean());
        assertThat(bounced.get("email").asText()).isEqualTo(address);
        assertThat(bounced.get("suspendedBy").get("kind").asText()).isEqualTo("HARD");
        assertThat(bounced.get("suspendedBy").get("status").asText()).isEqualTo("5.1.1");
        assertThat(bounced.get("suspendedBy").get("diagnostic").asText()).contains("User unknown");
        assertThat(bounced.get("suspendedBy").get("issueId").get("value").asText()).isEqualTo(issue);
        assertThat(publicRecipients()).as("left out of the next issues' recipients").isEqualTo(receiving - 1);

        deliver(BOUNCES, deliveryStatusNotification(report, address, mail.getMessageID(), "5.1.1", "smtp; 550"));
        await().atMost(Duration.ofSeconds(60)).until(() -> unread(BOUNCES) == 0);
        awaitProjections();
        assertThat(bounceOf(subscriber).get("bounces")).as("the same report read twice counts once").hasSize(1);

        Api.Response lifted = api.post("/api/v1/newsletter/subscriptions/" + subscriber + "/suspension-lifting")
                                 .token(TestTokens.secretariat()).send();
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        awaitProjections();
        assertThat(publicRecipients()).isEqualTo(receiving);
        assertThat(api.post("/api/v1/newsletter/subscriptions/" + subscriber + "/suspension-lifting")
                      .token(TestTokens.secretariat()).send().status()).as("not suspended any more").isEqualTo(409);
    }

    @Test
    void a_mail_that_is_not_a_delivery_report_is_kept_flagged_for_a_person() throws Exception {
        String subject = "自動応答: 不在のお知らせ " + UUID.randomUUID();
        deliver(BOUNCES, ("From: someone@example.jp\r\nTo: " + BOUNCES + "\r\nSubject: "
                + jakarta.mail.internet.MimeUtility.encodeText(subject, "UTF-8", "B")
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.jp>\r\nContent-Type: text/plain; charset=UTF-8"
                + "\r\n\r\n6月10日まで不在にしております。\r\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> flagged(BOUNCES).contains(subject));
    }

    @Test
    void a_mail_to_the_unsubscribe_address_with_the_token_in_its_subject_unsubscribes() throws Exception {
        String address = "mailto-" + UUID.randomUUID() + "@example.jp";
        String subscriber = Newsletters.confirmedSubscriber(api, greenMail, address);
        String token = unsubscribeLinks.token(new SubscriptionId(subscriber));

        deliver(UNSUBSCRIBE, ("From: " + address + "\r\nTo: " + UNSUBSCRIBE + "\r\nSubject: unsubscribe-" + token
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.jp>\r\n\r\n\r\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode ledger = api.get("/api/v1/newsletter/subscriptions/" + subscriber + "/consent-ledger")
                                 .token(TestTokens.secretariat()).send().json();
            assertThat(ledger.get("status").asText()).isEqualTo("UNSUBSCRIBED");
            JsonNode last = ledger.get("entries").get(ledger.get("entries").size() - 1);
            assertThat(last.get("what").asText() + " " + last.get("how").asText()).isEqualTo("UNSUBSCRIBED MAIL");
        });
    }

    @Test
    void a_mail_to_the_unsubscribe_address_with_a_forged_token_changes_nothing_and_is_kept_flagged() throws Exception {
        String subject = "unsubscribe-" + UUID.randomUUID() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        deliver(UNSUBSCRIBE, ("From: someone@example.jp\r\nTo: " + UNSUBSCRIBE + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.jp>\r\n\r\n\r\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> flagged(UNSUBSCRIBE).contains(subject));
    }

    @Test
    void only_the_secretariat_sees_the_bounced_addresses() {
        assertThat(api.get("/api/v1/newsletter/bounces").token(TestTokens.secretariat()).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/newsletter/bounces").send().status()).isEqualTo(401);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /** A report as a mail server writes it (RFC 3464), returning the original's headers. */
    private static byte[] deliveryStatusNotification(String reportId, String recipient, String originalMessageId,
                                                     String status, String diagnostic) {
        String report = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>
                To: %1$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: %2$s
                Date: Mon, 1 Jun 2026 09:00:00 +0900
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="=_dsn_boundary"

                --=_dsn_boundary
                Content-Type: text/plain; charset=US-ASCII

                This is the mail system at host mx.example.jp. Your message could not be delivered.

                --=_dsn_boundary
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.jp
                Arrival-Date: Mon, 1 Jun 2026 09:00:00 +0900

                Final-Recipient: rfc822; %3$s
                Original-Recipient: rfc822;%3$s
                Action: failed
                Status: %5$s
                Remote-MTA: dns; mx.example.jp
                Diagnostic-Code: %6$s

                --=_dsn_boundary
                Content-Type: text/rfc822-headers

                Return-Path: <%1$s>
                Message-ID: %4$s
                From: noreply@localhost
                To: %3$s
                Subject: =?UTF-8?B?5LiN6YGU56K66KqN5Y+3?=

                --=_dsn_boundary--
                """.formatted(BOUNCES, reportId, recipient, originalMessageId, status, diagnostic);
        return report.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Delivered by SMTP to the embedded mail server, as a remote server's report would arrive: as written, its
     * Message-ID too (Jakarta Mail would otherwise give it a new one when sending).
     */
    private void deliver(String to, byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(greenMail.getSmtp().createSession(), new ByteArrayInputStream(raw)) {
            @Override
            protected void updateMessageID() {
                // kept as written
            }
        };
        Transport.send(message, new jakarta.mail.Address[]{new jakarta.mail.internet.InternetAddress(to)});
    }

    private String sentToPublicSubscribers(String subject) {
        Api.Response drafted = api.post("/api/v1/newsletter/issues").token(TestTokens.secretariat())
                                  .body(Map.of("subject", subject, "plannedSendAt",
                                          Instant.now().plus(Duration.ofHours(1)).toString())).send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String issue = drafted.json().get("issueId").asText();
        Api.Response item = api.post("/api/v1/newsletter/issues/" + issue + "/items").token(TestTokens.secretariat())
                               .header("If-Match", drafted.etag())
                               .body(Map.of("sectionKey", "notices", "content", Map.of("title", "配信アドレスの確認について",
                                       "body", "届かないアドレスは次の号から配信を止めます。", "membersOnly", false))).send();
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        Api.Response scheduled = api.post("/api/v1/newsletter/issues/" + issue + "/scheduling")
                                    .token(TestTokens.secretariat()).header("If-Match", item.etag())
                                    .body(Map.of("segment", Map.of("audience", "PUBLIC"))).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        Api.Response started = api.post("/api/v1/newsletter/issues/" + issue + "/sending")
                                  .token(TestTokens.secretariat()).header("If-Match", scheduled.etag()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return issue;
    }

    private MimeMessage awaitIssueMail(String address, String issue) {
        return await().atMost(Duration.ofSeconds(120)).until(() -> {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                String id = message.getMessageID();
                if (message.getAllRecipients()[0].toString().equals(address) && id != null
                        && id.startsWith("<newsletter." + issue + ".")) {
                    return message;
                }
            }
            return null;
        }, m -> m != null);
    }

    private long publicRecipients() {
        return api.get("/api/v1/newsletter/recipient-count?audience=PUBLIC").token(TestTokens.secretariat()).send()
                  .json().get("recipients").asLong();
    }

    private JsonNode bounceOf(String subscription) {
        for (JsonNode b : api.get("/api/v1/newsletter/bounces").token(TestTokens.secretariat()).send().json()) {
            if (b.get("subscriptionId").get("value").asText().equals(subscription)) {
                return b;
            }
        }
        return null;
    }

    private int unread(String mailbox) throws Exception {
        return messages(mailbox, false).size();
    }

    /** The subjects of the mailbox's flagged mails. */
    private List<String> flagged(String mailbox) throws Exception {
        return messages(mailbox, true);
    }

    /** Over IMAP as a person would look: the subjects of the unread mails, or of the flagged ones. */
    private List<String> messages(String mailbox, boolean flaggedOnes) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (Store store = greenMail.getImap().createStore()) {
            store.connect(mailbox, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                boolean match = flaggedOnes ? m.isSet(Flags.Flag.FLAGGED) : !m.isSet(Flags.Flag.SEEN);
                if (match) {
                    subjects.add(m.getSubject());
                }
            }
            inbox.close(false);
        }
        return subjects;
    }
}
