package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.outbox.OutboxHandler;
import jp.kodoku.platform.infra.outbox.OutboxItem;
import jp.kodoku.platform.infra.outbox.PermanentFailure;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.newsletter.BounceMailboxes;
import jp.kodoku.platform.newsletter.api.IssueDetails;
import org.springframework.stereotype.Component;

/**
 * Sends one recipient's mail of an issue from its outbox row (kind {@value IssueMail#KIND}). The outbox worker holds
 * the row's lock ({@code FOR UPDATE SKIP LOCKED}) while this runs and marks it done only when this returns, i.e. after
 * the mail server accepted the mail: a crash mid-send leaves the row pending, and the mail goes again with the same
 * {@code Message-ID} (so at most the mails in flight, one per worker, are repeated, and a mail client shows one).
 * A refusal for good (SMTP 5xx, PlatformMail.sendFromOutbox) or an erased address gives the row up at once with the
 * reason; anything else is tried again with the outbox's back-off, up to its limit.
 */
@Component
class IssueMailSender implements OutboxHandler<IssueMail> {

    private final IssueLetters letters;
    private final PlatformMail mail;
    private final PersonalDataVault vault;
    private final Throttle throttle;
    private final String returnPath;

    IssueMailSender(IssueLetters letters, PlatformMail mail, PersonalDataVault vault, SendingProperties properties,
                    BounceMailboxes mailboxes) {
        this.letters = letters;
        this.mail = mail;
        this.vault = vault;
        this.returnPath = mailboxes.bounceAddress();
        this.throttle = new Throttle(properties.ratePerSecond());
    }

    @Override
    public String kind() {
        return IssueMail.KIND;
    }

    @Override
    public Class<IssueMail> payloadType() {
        return IssueMail.class;
    }

    @Override
    public void handle(OutboxItem<IssueMail> item) throws Exception {
        IssueMail row = item.payload();
        String to = vault.unseal(row.email())
                         .orElseThrow(() -> new PermanentFailure("the recipient's address was erased"));
        IssueDetails issue = letters.goingOut(row.issueId(), row.issueVersion());
        var letter = letters.letter(issue, row.member(), to, row.subscriptionId(), row.messageId());
        throttle.acquire();
        // delivery status notifications return to the bounce mailbox (ADR 0048), not to the sender's address
        mail.sendFromOutbox(letter, returnPath);
    }
}
