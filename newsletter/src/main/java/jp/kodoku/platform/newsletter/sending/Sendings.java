package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.outbox.FailedWork;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.OutboxState;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issues going out, as the table of sendings and the outbox's rows say: their progress for the secretariat, the start
 * of scheduled issues whose time has come, and the end of a sending once every recipient's row is final
 * (MarkIssueSent with the counts). The two timed checks run on db-scheduler ({@link SendingTasks}), once across nodes.
 */
@Component
class Sendings {

    static final String PRINCIPAL = "system:newsletter-sending";
    private static final Logger log = LoggerFactory.getLogger(Sendings.class);
    private static final int FAILURES_SHOWN = 100;

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    Sendings(JdbcTemplate jdbc, Outbox outbox, CommandGateway commands, QueryGateway queries) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.commands = commands;
        this.queries = queries;
    }

    @QueryHandler
    SendingProgress handle(FindSendingProgress query) {
        List<Sending> found = jdbc.query("SELECT issue_id, started_at, finished_at, recipients FROM newsletter_sendings "
                + "WHERE issue_id = ?", (row, n) -> new Sending(row.getString(1), row.getTimestamp(2).toInstant(),
                row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getInt(4)),
                query.issueId().value());
        if (found.isEmpty()) {
            return null;
        }
        Sending sending = found.get(0);
        Map<OutboxState, Long> counts = outbox.progress(IssueMail.KIND, IssueMail.rowsOf(query.issueId()));
        long sent = counts.get(OutboxState.DONE);
        long failed = counts.get(OutboxState.FAILED);
        long pending = counts.get(OutboxState.PENDING);
        Instant now = clock.instant();
        Instant until = sending.finishedAt == null ? now : sending.finishedAt;
        double seconds = Math.max(0.001, Duration.between(sending.startedAt, until).toMillis() / 1000.0);
        double rate = sent / seconds;
        Instant estimatedEnd = pending == 0 || rate == 0 ? null : now.plusMillis((long) (pending / rate * 1000));
        List<SendingProgress.FailedRecipient> failures = outbox
                .failures(IssueMail.KIND, IssueMail.rowsOf(query.issueId()), FAILURES_SHOWN).stream()
                .map(Sendings::failedRecipient).toList();
        return new SendingProgress(sending.recipients, sent, failed, pending, sending.startedAt, sending.finishedAt,
                rate, estimatedEnd, failures);
    }

    /** Starts the scheduled issues whose planned time has come; the issue itself refuses one that is not due. */
    void startDueIssues() {
        Instant now = clock.instant();
        List<IssueSummary> scheduled = queries.query(new ListIssues(java.util.Set.of(IssueStatus.SCHEDULED)),
                ResponseTypes.multipleInstancesOf(IssueSummary.class)).join();
        for (IssueSummary issue : scheduled) {
            if (issue.plannedSendAt().isAfter(now)) {
                continue;
            }
            try {
                send(new StartSendingIssue(issue.issueId()));
            } catch (NewsletterRuleViolation e) {
                // the read model lagged behind a return to draft or a cancellation
                log.info("Newsletter: issue {} not started: {}", issue.issueId(), e.getMessage());
            }
        }
    }

    /** Marks sent every issue going out whose recipients' rows are all final (sent or given up). */
    void finishCompleteSendings() {
        List<String> open = jdbc.queryForList("SELECT issue_id FROM newsletter_sendings WHERE finished_at IS NULL",
                String.class);
        for (String id : open) {
            IssueId issue = new IssueId(id);
            Map<OutboxState, Long> counts = outbox.progress(IssueMail.KIND, IssueMail.rowsOf(issue));
            if (counts.get(OutboxState.PENDING) > 0) {
                continue;
            }
            send(new MarkIssueSent(issue, counts.get(OutboxState.DONE).intValue(),
                    counts.get(OutboxState.FAILED).intValue()));
            jdbc.update("UPDATE newsletter_sendings SET finished_at = ? WHERE issue_id = ?",
                    Timestamp.from(clock.instant()), id);
            log.info("Newsletter: issue {} sent: {} delivered, {} given up", id, counts.get(OutboxState.DONE),
                    counts.get(OutboxState.FAILED));
        }
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(AuditMetadata.of(PRINCIPAL, PRINCIPAL)));
    }

    private static SendingProgress.FailedRecipient failedRecipient(FailedWork work) {
        String key = work.dedupeKey();
        return new SendingProgress.FailedRecipient(new SubscriptionId(key.substring(key.indexOf('/') + 1)),
                work.lastError());
    }

    private record Sending(String issueId, Instant startedAt, Instant finishedAt, int recipients) {
    }
}
