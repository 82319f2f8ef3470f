package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.infra.outbox.OutboxSignal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table {@code webhook_deliveries}: the outbox of webhooks (ADR 0032). A row is due when it is pending, its time
 * has come, and no earlier row of its lane (subscription and aggregate) is still pending: so a lane goes out in the
 * order its rows were written, which is the event stream's order, while other lanes go on beside it.
 */
@Component
class Deliveries {

    static final String LIVE = "live";

    /** An earlier row of the same lane still waiting (or being sent by another worker, whose lock hides nothing). */
    private static final String NO_EARLIER_IN_LANE = "NOT EXISTS (SELECT 1 FROM webhook_deliveries e "
            + "WHERE e.subscription_id = d.subscription_id AND e.aggregate_id = d.aggregate_id "
            + "AND e.state = 'pending' AND e.id < d.id)";

    private static final String DELIVERY_COLUMNS = "d.id, d.subscription_id, d.event_id, d.global_index, d.event_type, "
            + "d.body, d.origin, d.attempts, d.first_attempt_at";

    /** PostgreSQL takes at most 32,767 parameters in a statement; ten a row. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private final JdbcTemplate jdbc;
    private final OutboxSignal signal = new OutboxSignal();
    private final boolean postgres;

    Deliveries(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * The caller's transaction commits without waiting for PostgreSQL to flush it ({@code synchronous_commit = off} for
     * it alone; H2 has no such setting). Safe for marking deliveries: a crash can lose the last marks of the last few
     * hundred milliseconds, and those rows are then sent again with the same {@code webhook-id}, which at-least-once
     * delivery allows and receivers deduplicate; the commands' own transactions keep flushing. Why: the workers commit
     * once per batch, and each flush queued behind the commands' own on a busy machine (docs/performance.md).
     */
    void commitWithoutFlush() {
        if (postgres) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    /**
     * Locks up to {@code limit} rows at the heads of their lanes for the caller's transaction, skipping those other
     * workers hold. On PostgreSQL in one statement, which locks only the rows it returns; on H2, which would lock every
     * row it reads (ADR 0018), the due heads are read first and locked one by one by id. The limit is written into the
     * statement, not bound: with a bound limit the plan PostgreSQL settles on for the prepared statement may read and
     * sort every pending row instead of walking them in order and stopping (ADR 0050).
     */
    List<Delivery> claimHeads(Instant now, int limit, int candidates) {
        if (postgres) {
            return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d WHERE d.state = 'pending' "
                              + "AND d.next_attempt_at <= ? AND " + NO_EARLIER_IN_LANE
                              + " ORDER BY d.id LIMIT " + limit + " FOR UPDATE OF d SKIP LOCKED", DELIVERY,
                              Timestamp.from(now));
        }
        List<Delivery> claimed = new ArrayList<>();
        for (long id : dueHeads(now, candidates)) {
            if (claimed.size() >= limit) {
                break;
            }
            claim(id, now).ifPresent(claimed::add);
        }
        return claimed;
    }

    OutboxSignal signal() {
        return signal;
    }

    /**
     * In the caller's transaction, in one statement per {@value #ROWS_PER_STATEMENT} rows; the same event for the same
     * subscription and origin is written once (a row already there stays as it is). How many rows were added.
     */
    int enqueue(List<NewDelivery> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        int added = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<NewDelivery> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 10);
            for (NewDelivery row : chunk) {
                values.addAll(List.of(row.subscriptionId(), row.aggregateId(), row.eventId(), row.position(),
                                      row.type(), row.body(), row.origin(), at, at, at));
            }
            added += jdbc.update("INSERT INTO webhook_deliveries (subscription_id, aggregate_id, event_id, global_index, "
                                 + "event_type, body, origin, state, attempts, next_attempt_at, created_at, updated_at) "
                                 + "VALUES " + repeated("(?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)", chunk.size())
                                 + " ON CONFLICT DO NOTHING", values.toArray());
        }
        if (added > 0) {
            wakeAfterCommit();
        }
        return added;
    }

    /** A row to write: one event for one subscription. */
    record NewDelivery(String subscriptionId, String aggregateId, String eventId, long position, String type,
                       String body, String origin) {
    }

    /** The rows at the head of their lanes whose time has come, oldest first. */
    List<Long> dueHeads(Instant now, int limit) {
        return jdbc.queryForList("SELECT d.id FROM webhook_deliveries d WHERE d.state = 'pending' "
                                 + "AND d.next_attempt_at <= ? AND " + NO_EARLIER_IN_LANE + " ORDER BY d.id LIMIT ?",
                                 Long.class, Timestamp.from(now), limit);
    }

    /**
     * Locks one row for the caller's transaction if it is still due and at its lane's head; empty when another worker
     * has it or it is no longer due. Locked by id, one row (H2 would lock every row read: ADR 0018).
     */
    Optional<Delivery> claim(long id, Instant now) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d WHERE d.id = ? "
                          + "AND d.state = 'pending' AND d.next_attempt_at <= ? AND " + NO_EARLIER_IN_LANE
                          + " FOR UPDATE SKIP LOCKED", DELIVERY, id, Timestamp.from(now)).stream().findFirst();
    }

    private static final RowMapper<Delivery> DELIVERY = (row, n) -> new Delivery(row.getLong(1), row.getString(2),
            row.getString(3), row.getLong(4), row.getString(5), row.getString(6), row.getString(7), row.getInt(8),
            row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant());

    void failed(Delivery d, Instant nextAttempt, Instant now) {
        jdbc.update("UPDATE webhook_deliveries SET attempts = ?, first_attempt_at = ?, next_attempt_at = ?, "
                    + "updated_at = ? WHERE id = ?", d.attempts() + 1, Timestamp.from(d.firstAttemptOr(now)),
                    Timestamp.from(nextAttempt), Timestamp.from(now), d.id());
    }

    /** Drops what a subscription had not delivered yet (disabled, or removed); the position of the first, if any. */
    Optional<Long> dropPending(String subscriptionId, Instant now) {
        List<Long> first = jdbc.queryForList("SELECT MIN(global_index) FROM webhook_deliveries WHERE subscription_id = ? "
                                             + "AND state = 'pending'", Long.class, subscriptionId);
        jdbc.update("UPDATE webhook_deliveries SET state = 'dropped', updated_at = ? WHERE subscription_id = ? "
                    + "AND state = 'pending'", Timestamp.from(now), subscriptionId);
        return first.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Logs one attempt of each delivery and marks those delivered done: on PostgreSQL in one statement (the marks in a
     * {@code WITH} of the log's insert), on H2 in two. The rows are locked by the caller since they were read, so
     * each one's attempts and first attempt are still as read.
     */
    void recordAttempts(Map<Delivery, Outcome> attempts, Instant attemptedAt, Instant now) {
        if (attempts.isEmpty()) {
            return;
        }
        List<Long> done = attempts.entrySet().stream().filter(a -> a.getValue().delivered()).map(a -> a.getKey().id())
                                  .toList();
        String mark = "UPDATE webhook_deliveries SET state = 'done', attempts = attempts + 1, "
                      + "first_attempt_at = COALESCE(first_attempt_at, ?), updated_at = ? WHERE id IN ("
                      + repeated("?", done.size()) + ")";
        List<Object> markValues = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
        markValues.addAll(done);
        List<Object> logValues = new ArrayList<>(attempts.size() * 11);
        attempts.forEach((d, outcome) -> logValues.addAll(Arrays.asList(d.subscriptionId(), d.id(), d.eventId(),
                d.eventType(), d.attempts() + 1, outcome.delivered() ? "delivered" : "failed", outcome.status(),
                outcome.latencyMillis(), outcome.error(), outcome.excerpt(), Timestamp.from(attemptedAt))));
        String log = "INSERT INTO webhook_delivery_attempts (subscription_id, delivery_id, event_id, event_type, "
                     + "attempt, outcome, response_status, latency_ms, error, response_excerpt, attempted_at) VALUES "
                     + repeated("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", attempts.size());
        if (done.isEmpty()) {
            jdbc.update(log, logValues.toArray());
        } else if (postgres) {
            markValues.addAll(logValues);
            jdbc.update("WITH marked AS (" + mark + ") " + log, markValues.toArray());
        } else {
            jdbc.update(mark, markValues.toArray());
            jdbc.update(log, logValues.toArray());
        }
    }

    /** {@code group} n times, separated by commas. */
    private static String repeated(String group, int n) {
        return String.join(", ", java.util.Collections.nCopies(n, group));
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    record Delivery(long id, String subscriptionId, String eventId, long position, String eventType, String body,
                    String origin, int attempts, Instant firstAttemptAt) {

        Instant firstAttemptOr(Instant now) {
            return firstAttemptAt == null ? now : firstAttemptAt;
        }
    }

    /**
     * How one attempt went.
     *
     * @param status  the receiver's HTTP status, or null when none came
     * @param error   what went wrong, short, or null
     * @param excerpt the start of the receiver's answer, short, or null
     */
    record Outcome(boolean delivered, Integer status, long latencyMillis, String error, String excerpt) {
    }
}
