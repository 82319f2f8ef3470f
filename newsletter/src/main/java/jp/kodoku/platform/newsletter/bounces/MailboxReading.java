package jp.kodoku.platform.newsletter.bounces;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.RuleViolation;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.newsletter.BounceMailboxes;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bounce mailbox and the unsubscribe mailbox (run by the recurring task {@code newsletter.bounces}, one node
 * at a time). Each unread mail is handled and then marked read (\Seen); a mail that cannot be handled (not a
 * delivery report, no token, a forged token) is marked read and flagged (\Flagged) and kept for a person, with a
 * warning in the log, so it is neither read again nor lost. Messages are fetched without marking them read
 * ({@code peek}), so a node dying mid-way leaves the rest unread for the next run; a report handled twice that way
 * counts once (the subscription keys bounces by the report's Message-ID), and unsubscribing twice changes nothing.
 * A failure that may pass (the database, a timeout) leaves the mail unread and ends the run.
 */
@Component
class MailboxReading {

    private static final Logger log = LoggerFactory.getLogger(MailboxReading.class);
    /** The original Message-ID of an issue's mail (IssueLetters.messageId): {@code <newsletter.<issue>.<subscription>@…>} */
    private static final Pattern ISSUE_MAIL = Pattern.compile(
            "<newsletter\\.([0-9a-fA-F-]{36})\\.([A-Za-z0-9-]{1,80})@[^>]+>");
    /** The token List-Unsubscribe's mailto puts in the subject ({@code unsubscribe-<token>}; UnsubscribeLinks). */
    private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile("unsubscribe-([A-Za-z0-9-]{1,80}\\.[A-Za-z0-9_-]{43})");
    private static final String TIMEOUT_MILLIS = "30000";

    private final BounceMailboxes mailboxes;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PersonalDataVault vault;

    MailboxReading(BounceMailboxes mailboxes, CommandGateway commands, QueryGateway queries, PersonalDataVault vault) {
        this.mailboxes = mailboxes;
        this.commands = commands;
        this.queries = queries;
        this.vault = vault;
    }

    /** Both mailboxes; a mailbox that cannot be reached is logged and tried again at the next run. */
    void readBoth() {
        mailboxes.bounces().ifPresent(account -> read(account, this::bounce));
        mailboxes.unsubscribes().ifPresent(account -> read(account, this::unsubscribe));
    }

    private enum Outcome { HANDLED, KEPT_FOR_A_PERSON }

    private interface Handler {
        Outcome handle(MimeMessage message) throws MessagingException, IOException;
    }

    private void read(BounceMailboxes.Account account, Handler handler) {
        Properties settings = new Properties();
        String protocol = account.protocol();
        settings.put("mail." + protocol + ".peek", "true");
        settings.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        settings.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        try (Store store = Session.getInstance(settings).getStore(protocol)) {
            store.connect(account.host(), account.port(), account.user(), account.password());
            Folder folder = store.getFolder(account.folder());
            if (!folder.exists()) {
                return; // the embedded server makes a mailbox with its first mail
            }
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Outcome outcome = outcome(account, handler, (MimeMessage) message);
                    if (outcome == null) {
                        return;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                    if (outcome == Outcome.KEPT_FOR_A_PERSON) {
                        message.setFlag(Flags.Flag.FLAGGED, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Newsletter: the mailbox {} could not be read ({}); trying again at the next run", account,
                    e.toString());
        }
    }

    /** What became of the mail, or null for a failure that may pass (the mail stays unread). */
    private static Outcome outcome(BounceMailboxes.Account account, Handler handler, MimeMessage message) {
        try {
            return handler.handle(message);
        } catch (MessagingException | IOException | IllegalArgumentException | InvalidInput | NotFound
                 | RuleViolation e) {
            log.warn("Newsletter: a mail in {} could not be handled and is kept, flagged, for a person: {}", account,
                    e.toString());
            return Outcome.KEPT_FOR_A_PERSON;
        } catch (RuntimeException e) {
            log.warn("Newsletter: reading {} stopped; the mail stays unread for the next run", account, e);
            return null;
        }
    }

    private Outcome bounce(MimeMessage message) throws MessagingException, IOException {
        Optional<DeliveryReports.DeliveryReport> report = DeliveryReports.read(message);
        if (report.isEmpty()) {
            log.warn("Newsletter: a mail in the bounce mailbox is not a delivery status notification (RFC 3464): {}",
                    message.getSubject());
            return Outcome.KEPT_FOR_A_PERSON;
        }
        Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.now();
        Matcher issueMail = report.get().originalMessageId() == null ? null
                : ISSUE_MAIL.matcher(report.get().originalMessageId());
        boolean named = issueMail != null && issueMail.matches();
        for (DeliveryReports.FailedRecipient failed : report.get().failed()) {
            Optional<SubscriptionId> subscription = named && report.get().failed().size() == 1
                    ? Optional.of(new SubscriptionId(issueMail.group(2)))
                    : recipientWithAddress(failed.address());
            if (subscription.isEmpty()) {
                log.info("Newsletter: a bounce for an address that receives no issue ({}) is ignored", failed.status());
                continue;
            }
            commands.sendAndWait(new RecordBounce(subscription.get(), report.get().reportId(), failed.status(),
                    failed.diagnostic(), named ? new IssueId(issueMail.group(1)) : null, received));
        }
        return Outcome.HANDLED;
    }

    /**
     * A report without the returned headers names only the address: it is looked for among today's recipients
     * (unsealing each address, which is slow for thousands but rare: servers return the headers as RFC 3464 asks).
     */
    private Optional<SubscriptionId> recipientWithAddress(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        List<Recipient> recipients = queries.query(new ListRecipients(Segment.EVERYONE),
                ResponseTypes.multipleInstancesOf(Recipient.class)).join();
        for (Recipient recipient : recipients) {
            if (recipient.email() != null && vault.unseal(recipient.email())
                                                  .map(a -> a.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false)) {
                return Optional.of(recipient.subscriptionId());
            }
        }
        return Optional.empty();
    }

    /** A mail to List-Unsubscribe's mailto: the subject carries the recipient's token, which is the credential. */
    private Outcome unsubscribe(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        Matcher token = UNSUBSCRIBE_TOKEN.matcher(subject == null ? "" : subject);
        if (!token.find()) {
            log.warn("Newsletter: a mail to the unsubscribe address carries no unsubscribe token; kept for a person");
            return Outcome.KEPT_FOR_A_PERSON;
        }
        commands.sendAndWait(new UnsubscribeWithToken(token.group(1), UnsubscribeChannel.MAIL));
        return Outcome.HANDLED;
    }
}
