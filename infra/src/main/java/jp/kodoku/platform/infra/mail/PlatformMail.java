package jp.kodoku.platform.infra.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.PermanentFailure;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's mail (DESIGN.md §12): multipart HTML + plain text from Thymeleaf templates, UTF-8, from the configured
 * sender, with attachments (an {@code .ics}) and, for bulk mail, the one-click unsubscribe headers of RFC 8058.
 *
 * <p>{@link #enqueue} is how a module sends: the mail is rendered at once and put into the outbox (kind {@value #KIND})
 * in the caller's transaction; {@link MailOutboxHandler} sends it after the commit and marks it done once the relay
 * accepted it. {@link #send} sends at once, for a module's own outbox handler (a newsletter renders each recipient's
 * mail when its row comes up rather than storing thousands of rendered mails).
 *
 * <p>UTF-8 rather than ISO-2022-JP: ISO-2022-JP (JIS X 0208) has no room for characters Japanese names and texts do
 * use (髙, 﨑, ①, most emoji) and every current mail client reads UTF-8; the Japanese subject and names are encoded
 * words (RFC 2047) in UTF-8.
 */
public class PlatformMail {

    public static final String KIND = "mail";

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final MailProperties properties;
    private final Counter sent;
    private final Counter failed;

    PlatformMail(JavaMailSender sender, MailTemplates templates, Outbox outbox, MailProperties properties,
                 MeterRegistry meters) {
        this.sender = sender;
        this.templates = templates;
        this.outbox = outbox;
        this.properties = properties;
        requireAddress(properties.fromAddress());
        requireHeaderSafe("platform.mail.from-name", properties.fromName());
        MeterRegistry registry = meters == null ? new SimpleMeterRegistry() : meters;
        this.sent = Counter.builder("platform.mail.sent").description("Mails the relay accepted").register(registry);
        this.failed = Counter.builder("platform.mail.failed").description("Mail sends the relay refused or that failed")
                             .register(registry);
    }

    /**
     * Renders the mail and puts it into the outbox in the caller's transaction; it is sent after the commit.
     * {@code dedupeKey} names this mail uniquely (e.g. "meeting-scheduled/M-12/contact-7/seq-2"): enqueuing it again is
     * a no-op, so an event handler that runs twice sends once.
     *
     * @return whether it was new
     */
    public boolean enqueue(String dedupeKey, Mail mail) {
        return outbox.enqueue(KIND, dedupeKey, render(mail));
    }

    /** The mail as it would be sent (a preview), with a new Message-ID. */
    public RenderedMail render(Mail mail) {
        requireHeaderSafe("to", mail.to());
        requireHeaderSafe("toName", mail.toName());
        requireHeaderSafe("subject", mail.subject());
        requireAddress(mail.to());
        Map<String, ?> model = mail.model();
        return new RenderedMail(newMessageId(), mail.to(), mail.toName(), mail.subject(),
                                templates.html(mail.template(), model), templates.text(mail.template(), model),
                                mail.attachments(), mail.unsubscribe());
    }

    /** Sends at once; returns when the relay accepted the mail (Spring's MailException otherwise). */
    public void send(RenderedMail mail) {
        send(mail, null);
    }

    /**
     * Sends at once with this envelope sender ({@code MAIL FROM}, which the receiving server writes as
     * {@code Return-Path}), so that delivery status notifications go to that mailbox instead of the sender's; null:
     * the sender's address.
     */
    public void send(RenderedMail mail, String returnPath) {
        try {
            MimeMessage message = toMimeMessage(mail);
            sender.send(returnPath == null ? message : withEnvelopeFrom(message, returnPath, mail.messageId()));
            sent.increment();
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
    }

    /**
     * Sends at once for an outbox handler: a mail the relay refuses for good (an SMTP 5xx reply, such as an unknown
     * mailbox) or that cannot be built is a {@link PermanentFailure} (the row fails at once); anything else (connection
     * refused, 4xx "try later") is thrown as it is, to be tried again with back-off.
     */
    public void sendFromOutbox(RenderedMail mail) {
        sendFromOutbox(mail, null);
    }

    /** {@link #sendFromOutbox(RenderedMail)} with an envelope sender ({@link #send(RenderedMail, String)}). */
    public void sendFromOutbox(RenderedMail mail, String returnPath) {
        try {
            send(mail, returnPath);
        } catch (MailParseException | MailPreparationException e) {
            throw new PermanentFailure("the mail cannot be built", e);
        } catch (MailException e) {
            if (MailOutboxHandler.permanentSmtpRefusal(e)) {
                throw new PermanentFailure("the relay refused the mail for good", e);
            }
            throw e;
        }
    }

    /** The MIME message exactly as {@link #send} hands it to the relay. */
    public MimeMessage toMimeMessage(RenderedMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
                                                             StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.fromAddress(), properties.fromName(), "UTF-8"));
            helper.setTo(mail.toName() == null ? new InternetAddress(mail.to(), true)
                                               : new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (MailAttachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                                     attachment.contentType());
            }
            if (mail.unsubscribe() != null) {
                message.setHeader("List-Unsubscribe", mail.unsubscribe().header());
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            // kept by Spring's sender (it restores a Message-ID set before sending)
            message.setHeader("Message-ID", mail.messageId());
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("The mail cannot be built: " + e.getMessage(), e);
        }
    }

    private static MimeMessage withEnvelopeFrom(MimeMessage message, String returnPath, String messageId) {
        requireAddress(returnPath);
        try {
            SMTPMessage copy = new SMTPMessage(message);
            copy.setEnvelopeFrom(returnPath);
            // copying writes the message out, which gives it a new Message-ID; the row's one is kept (ADR 0043)
            copy.setHeader("Message-ID", messageId);
            return copy;
        } catch (MessagingException e) {
            throw new MailPreparationException("The mail cannot be built: " + e.getMessage(), e);
        }
    }

    private String newMessageId() {
        String address = properties.fromAddress();
        return "<" + UUID.randomUUID() + address.substring(address.indexOf('@')) + ">";
    }

    /** A line break in a header value would let the value add headers of its own (header injection). */
    private static void requireHeaderSafe(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(field + " must not contain a line break");
        }
    }

    private static void requireAddress(String to) {
        try {
            new InternetAddress(to, true).validate();
        } catch (AddressException | NullPointerException e) {
            throw new IllegalArgumentException("not a mail address: " + to);
        }
    }
}
