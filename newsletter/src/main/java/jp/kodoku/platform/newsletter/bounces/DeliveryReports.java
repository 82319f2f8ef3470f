package jp.kodoku.platform.newsletter.bounces;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jp.kodoku.platform.newsletter.Tokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} whose
 * {@code message/delivery-status} part holds a block of per-message fields and a block per recipient
 * ({@code Final-Recipient}, {@code Action}, {@code Status}, {@code Diagnostic-Code}), followed by the returned
 * message or its headers ({@code message/rfc822}, {@code text/rfc822-headers}) with the original {@code Message-ID}.
 * The blocks are header blocks, read with Jakarta Mail's {@link InternetHeaders} (Angus Mail has no DSN classes).
 *
 * <p>Only recipients whose Action is {@code failed} count: a {@code delayed} report is a warning from a server still
 * trying, which sends a {@code failed} one if it gives up.
 */
final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * @param reportId          the report's Message-ID, or a hash of its bytes when it has none
     * @param failed            the recipients the report says delivery failed for
     * @param originalMessageId the returned message's Message-ID, or null
     */
    record DeliveryReport(String reportId, List<FailedRecipient> failed, String originalMessageId) {
    }

    /** @param status the RFC 3464 status ({@code 5.1.1}); @param diagnostic the server's words, or null */
    record FailedRecipient(String address, String status, String diagnostic) {
    }

    /** The report, or empty for a mail that is not a delivery status notification. */
    static Optional<DeliveryReport> read(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (!"delivery-status".equalsIgnoreCase(reportType) || !(message.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        List<FailedRecipient> failed = null;
        String originalMessageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                failed = failedRecipients(part);
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global-headers") || part.isMimeType("message/global")) {
                originalMessageId = headers(part).getHeader("Message-ID", null);
            }
        }
        if (failed == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReport(reportId(message), failed,
                originalMessageId == null ? null : originalMessageId.strip()));
    }

    private static List<FailedRecipient> failedRecipients(Part part) throws MessagingException, IOException {
        InputStream fields = new ByteArrayInputStream(bytes(part));
        new InternetHeaders(fields); // the per-message fields (Reporting-MTA, Arrival-Date): nothing needed from them
        List<FailedRecipient> failed = new ArrayList<>();
        while (fields.available() > 0) {
            InternetHeaders recipient = new InternetHeaders(fields);
            String action = field(recipient, "Action");
            String address = typedValue(field(recipient, "Final-Recipient"));
            if (address == null) {
                address = typedValue(field(recipient, "Original-Recipient"));
            }
            String status = field(recipient, "Status");
            if (action == null || !action.toLowerCase(Locale.ROOT).startsWith("failed") || address == null
                    || status == null) {
                continue;
            }
            // "5.1.1 (bad destination mailbox)": the code is the first word
            failed.add(new FailedRecipient(address, status.split("[\\s(]", 2)[0],
                    typedValue(field(recipient, "Diagnostic-Code"))));
        }
        return failed;
    }

    /** The headers of a returned message or of returned headers, however the part's content was given. */
    private static InternetHeaders headers(Part part) throws MessagingException, IOException {
        if (part.getContent() instanceof MimeMessage returned) {
            InternetHeaders headers = new InternetHeaders();
            String id = returned.getMessageID();
            if (id != null) {
                headers.addHeader("Message-ID", id);
            }
            return headers;
        }
        return new InternetHeaders(new ByteArrayInputStream(bytes(part)));
    }

    /** The part's content, transfer encoding undone. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    /** "rfc822; taro@example.jp" → "taro@example.jp"; "smtp; 550 …" → "550 …" (the type before ';' dropped). */
    private static String typedValue(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String rest = (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
        return rest.isEmpty() ? null : rest;
    }

    private static String reportId(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return "sha256:" + Tokens.sha256(raw.toString(StandardCharsets.ISO_8859_1));
    }
}
