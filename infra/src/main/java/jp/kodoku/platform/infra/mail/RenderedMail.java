package jp.kodoku.platform.infra.mail;

import java.util.List;

/**
 * A mail ready to send, as it waits in the outbox (kind {@code mail}): rendered when it was enqueued, so that what is
 * sent is what was decided then, with its {@code Message-ID} fixed then too, so that a repeat after a crash is
 * recognizable as the same message.
 */
public record RenderedMail(String messageId, String to, String toName, String subject, String html, String text,
                           List<MailAttachment> attachments, ListUnsubscribe unsubscribe) {
}
