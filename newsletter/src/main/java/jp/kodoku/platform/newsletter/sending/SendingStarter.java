package jp.kodoku.platform.newsletter.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an issue's sending when it starts (ADR 0043): one outbox row per recipient the segment reaches then,
 * deduplicated by address (a person who is both a member's contact and a public subscriber gets one mail), each due at
 * the configured pace, and the sending's own row ({@code newsletter_sendings}) with the count; all in the transaction
 * that moves this processing group's token, so a crash leaves either everything or nothing, and a redelivered start
 * finds the sending's row and writes nothing twice. A recipient's row is marked done by the outbox only after the mail
 * server accepted the mail ({@link IssueMailSender}); {@link SendingCompletion} marks the issue sent when every row is
 * final.
 *
 * <p>Side effects, so a processing group of its own ({@value #GROUP}), apart from the read models.
 */
@Component
@ProcessingGroup(SendingStarter.GROUP)
class SendingStarter {

    static final String GROUP = "newsletter-sending";
    private static final Logger log = LoggerFactory.getLogger(SendingStarter.class);
    private static final ObjectMapper JSON = EventStoreConfiguration.eventMapper();

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final QueryGateway queries;
    private final PersonalDataVault vault;
    private final EventStore events;
    private final IssueLetters letters;
    private final SendingProperties properties;
    private final Clock clock = Clock.systemUTC();

    SendingStarter(JdbcTemplate jdbc, Outbox outbox, QueryGateway queries, PersonalDataVault vault, EventStore events,
                   IssueLetters letters, SendingProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.queries = queries;
        this.vault = vault;
        this.events = events;
        this.letters = letters;
        this.properties = properties;
    }

    /** The segment is kept here, where the start needs it, rather than read from a read model that may lag. */
    @EventHandler
    void on(IssueSegmentChosen e) throws JsonProcessingException {
        jdbc.update("DELETE FROM newsletter_issue_segments WHERE issue_id = ?", e.issueId().value());
        jdbc.update("INSERT INTO newsletter_issue_segments (issue_id, segment) VALUES (?, ?)", e.issueId().value(),
                JSON.writeValueAsString(e.segment()));
    }

    @EventHandler
    void on(IssueSendingStarted e, @SequenceNumber long version) throws JsonProcessingException {
        // an issue marked sent already (a replay of its history, or demo data that records past issues) sends nothing
        if (events.lastSequenceNumberFor(e.issueId().value()).orElse(version) > version) {
            return;
        }
        Instant now = clock.instant();
        int claimed = jdbc.update("INSERT INTO newsletter_sendings (issue_id, started_at, recipients) VALUES (?, ?, 0) "
                + "ON CONFLICT DO NOTHING", e.issueId().value(), Timestamp.from(now));
        if (claimed == 0) {
            return;
        }
        Segment segment = segmentOf(e.issueId());
        List<Recipient> recipients = queries.query(new ListRecipients(segment),
                ResponseTypes.multipleInstancesOf(Recipient.class)).join();
        Set<String> addresses = new HashSet<>();
        long paceNanos = (long) (1_000_000_000L / properties.ratePerSecond());
        int written = 0;
        for (Recipient recipient : recipients) {
            String address = recipient.email() == null ? null : vault.unseal(recipient.email()).orElse(null);
            if (address == null || !addresses.add(address.toLowerCase(Locale.ROOT))) {
                continue;
            }
            IssueMail mail = new IssueMail(e.issueId(), version, recipient.subscriptionId(), recipient.email(),
                    recipient.organizationId() != null, letters.messageId(e.issueId(), recipient.subscriptionId()));
            outbox.enqueue(IssueMail.KIND, IssueMail.dedupeKey(e.issueId(), recipient.subscriptionId()), mail,
                    now.plusNanos(paceNanos * written));
            written++;
        }
        jdbc.update("UPDATE newsletter_sendings SET recipients = ? WHERE issue_id = ?", written, e.issueId().value());
        log.info("Newsletter: issue {} (第{}号) starts going out to {} recipients", e.issueId(), e.number(), written);
    }

    /** An issue marked sent has nothing left to send (see the start): pending rows written meanwhile go. */
    @EventHandler
    void on(IssueSent e) {
        outbox.removePending(IssueMail.KIND, IssueMail.rowsOf(e.issueId()), "");
    }

    private Segment segmentOf(IssueId issue) throws JsonProcessingException {
        List<String> stored = jdbc.queryForList("SELECT segment FROM newsletter_issue_segments WHERE issue_id = ?",
                String.class, issue.value());
        return stored.isEmpty() ? Segment.EVERYONE : JSON.readValue(stored.get(0), Segment.class);
    }
}
