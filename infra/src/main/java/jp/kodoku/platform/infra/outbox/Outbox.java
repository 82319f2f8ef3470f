package jp.kodoku.platform.infra.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Puts work that leaves the platform into the outbox (DESIGN.md §10), in the caller's database transaction: an event
 * handler whose tracking token lives in the same database enqueues and moves its token in one commit, so the work is
 * neither lost (token moved, row missing) nor doubled (the same event handled again finds the row by its dedupe key).
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OutboxSignal signal;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, ObjectMapper json, OutboxSignal signal, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
        this.clock = clock;
    }

    /**
     * Adds one unit of work, due now. {@code dedupeKey} names the work uniquely within its kind (for a newsletter,
     * "issue-12/recipient-345"): enqueuing it again is a no-op.
     *
     * @return whether a new row was added (false: this work was already enqueued)
     */
    public boolean enqueue(String kind, String dedupeKey, Object payload) {
        return enqueue(kind, dedupeKey, payload, clock.instant());
    }

    /** Adds one unit of work, not before {@code notBefore}. */
    public boolean enqueue(String kind, String dedupeKey, Object payload, Instant notBefore) {
        Timestamp now = Timestamp.from(clock.instant());
        int added = jdbc.update("INSERT INTO outbox (kind, dedupe_key, payload, state, attempts, next_attempt_at, "
                                + "created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING",
                                kind, dedupeKey, toJson(payload), Timestamp.from(notBefore), now, now);
        if (added > 0) {
            wakeWorkersAfterCommit();
        }
        return added > 0;
    }

    /** Puts a failed row back to be tried again now, with its attempts counted afresh. */
    public boolean retry(long id) {
        int changed = jdbc.update("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? "
                                  + "WHERE id = ? AND state = 'failed'",
                                  Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id);
        wakeWorkersAfterCommit();
        return changed > 0;
    }

    /** Puts every failed row of a kind back; the number of rows. */
    public int retryFailed(String kind) {
        int changed = jdbc.update("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? "
                                  + "WHERE kind = ? AND state = 'failed'",
                                  Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), kind);
        wakeWorkersAfterCommit();
        return changed;
    }

    /**
     * How far the work of a kind whose dedupe keys start with {@code dedupeKeyPrefix} has come (a newsletter issue's
     * progress: "issue-12/"): rows per state, zero for a state without rows.
     */
    public Map<OutboxState, Long> progress(String kind, String dedupeKeyPrefix) {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            counts.put(state, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) FROM outbox WHERE kind = ? AND dedupe_key LIKE ? ESCAPE '\\' GROUP BY state",
                   row -> {
                       counts.put(OutboxState.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)), row.getLong(2));
                   },
                   kind, likePrefix(dedupeKeyPrefix));
        return counts;
    }

    /** The given-up rows of a kind whose dedupe keys start with {@code dedupeKeyPrefix}, with their last error. */
    public java.util.List<FailedWork> failures(String kind, String dedupeKeyPrefix, int limit) {
        return jdbc.query("SELECT dedupe_key, last_error FROM outbox WHERE kind = ? AND state = 'failed' "
                          + "AND dedupe_key LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                          (row, n) -> new FailedWork(row.getString(1), row.getString(2)),
                          kind, likePrefix(dedupeKeyPrefix), limit);
    }

    /**
     * Removes the pending rows of a kind whose dedupe keys start with {@code dedupeKeyPrefix} and end with
     * {@code dedupeKeySuffix} (either may be empty): a newsletter's rows to a recipient who left the list ("", "/contact-7"),
     * or of an issue ("issue-12/", ""). A row in flight is locked by its worker: the delete waits for it and then finds
     * it no longer pending. Returns the number of rows removed.
     */
    public int removePending(String kind, String dedupeKeyPrefix, String dedupeKeySuffix) {
        return jdbc.update("DELETE FROM outbox WHERE kind = ? AND state = 'pending' AND dedupe_key LIKE ? ESCAPE '\\'",
                           kind, escapeLike(dedupeKeyPrefix) + "%" + escapeLike(dedupeKeySuffix));
    }

    /** The state of one unit of work, if it was ever enqueued. */
    public java.util.Optional<OutboxState> stateOf(String kind, String dedupeKey) {
        return jdbc.query("SELECT state FROM outbox WHERE kind = ? AND dedupe_key = ?",
                          (row, n) -> OutboxState.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)),
                          kind, dedupeKey).stream().findFirst();
    }

    private static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The outbox payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }

    /** After the caller's commit (a rolled-back enqueue wakes nobody), or at once outside a transaction. */
    private void wakeWorkersAfterCommit() {
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
}
