package jp.kodoku.platform.infra.mail;

import jp.kodoku.platform.infra.outbox.OutboxHandler;
import jp.kodoku.platform.infra.outbox.OutboxItem;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends the outbox's mails (kind {@value PlatformMail#KIND}). A refusal the relay gives as permanent (an SMTP 5xx reply,
 * such as an unknown mailbox) fails the row at once; anything else (connection refused, 4xx "try later") is tried
 * again with back-off.
 */
class MailOutboxHandler implements OutboxHandler<RenderedMail> {

    private final PlatformMail mail;

    MailOutboxHandler(PlatformMail mail) {
        this.mail = mail;
    }

    @Override
    public String kind() {
        return PlatformMail.KIND;
    }

    @Override
    public Class<RenderedMail> payloadType() {
        return RenderedMail.class;
    }

    @Override
    public void handle(OutboxItem<RenderedMail> item) {
        mail.sendFromOutbox(item.payload());
    }

    static boolean permanentSmtpRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = nextCause(cause)) {
            if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** Spring's MailSendException keeps the per-message failures aside; Jakarta Mail chains with getNextException. */
    private static Throwable nextCause(Throwable error) {
        if (error instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception first = send.getFailedMessages().values().iterator().next();
            if (first != error) {
                return first;
            }
        }
        if (error instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return error.getCause() == error ? null : error.getCause();
    }
}
