package jp.kodoku.platform.infra.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hands due outbox rows to their handlers, on {@code platform.outbox.workers} threads per node.
 *
 * <p>Each row is handled in a transaction of its own that holds the row's lock ({@code SELECT … FOR UPDATE SKIP
 * LOCKED}) from the claim until the row is marked: another worker, on this node or another, skips a row in flight
 * instead of handling it too, and a node that dies mid-handling loses its connection and so its lock, leaving the row
 * pending for another worker. A crash can therefore repeat only the rows in flight (at most one per worker) and never
 * skip one. The row is marked done only after its handler returned, i.e. after the remote side accepted the work.
 *
 * <p>Candidates are first read without a lock and then locked one by one by id: H2 locks every row an
 * {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} query reads before it applies the limit, so the single-statement
 * form would let one worker block all others on the embedded database; by id, both databases lock just that row.
 *
 * <p>Why a poller of its own and not db-scheduler: the outbox needs several workers per node draining many rows each
 * (a newsletter's thousands of mails), its own row per unit of work with a dedupe key written in the caller's
 * transaction, and a wake-up on the same node right after the commit. db-scheduler serves the timed work (reminders,
 * scheduled sends) that enqueues into the outbox.
 */
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final OutboxSignal signal;
    private final Clock clock;
    private final OutboxProperties properties;
    private final Map<String, OutboxHandler<?>> handlers;
    private final String kindsInClause;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OutboxWorker(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, OutboxSignal signal,
                 Clock clock, OutboxProperties properties, List<OutboxHandler<?>> handlers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.signal = signal;
        this.clock = clock;
        this.properties = properties;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(OutboxHandler::kind, Function.identity()));
        this.kindsInClause = String.join(", ", Collections.nCopies(this.handlers.size(), "?"));
    }

    @Override
    public synchronized void start() {
        if (running || handlers.isEmpty() || properties.workers() <= 0) {
            return;
        }
        running = true;
        for (int i = 1; i <= properties.workers(); i++) {
            Thread thread = new Thread(this::work, "outbox-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("Outbox: {} worker(s) for {}", properties.workers(), handlers.keySet());
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.wake();
        for (Thread thread : threads) {
            try {
                // a worker finishes the row it holds (a mail being sent) rather than be cut off mid-way
                thread.join(properties.shutdownWait().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after everything else (handlers and what they use), stopped before. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running) {
            long seen = signal.generation();
            boolean handledAny;
            try {
                handledAny = drainOnce();
            } catch (RuntimeException e) {
                // the database away for a moment: look again after the poll interval
                log.warn("Outbox: could not read due rows: {}", e.toString());
                handledAny = false;
            }
            if (!handledAny && running) {
                try {
                    signal.awaitAfter(seen, properties.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Handles the due rows of one look at the table; whether any row was handled (so there may be more). */
    boolean drainOnce() {
        List<Long> due = dueRows();
        boolean handledAny = false;
        for (long id : due) {
            if (!running && !threads.isEmpty()) {
                break;
            }
            handledAny |= claimAndHandle(id);
        }
        return handledAny;
    }

    private List<Long> dueRows() {
        List<Object> args = new ArrayList<>(handlers.keySet());
        args.add(Timestamp.from(clock.instant()));
        args.add(properties.batchSize());
        return jdbc.queryForList("SELECT id FROM outbox WHERE state = 'pending' AND kind IN (" + kindsInClause + ") "
                                 + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                                 Long.class, args.toArray());
    }

    /** Locks the row (unless another worker holds it or it is no longer due), hands it over, marks it: one commit. */
    private boolean claimAndHandle(long id) {
        Failure failure;
        try {
            failure = transactions.execute(status -> {
                List<Claimed> claimed = jdbc.query(
                        "SELECT id, kind, dedupe_key, payload, attempts FROM outbox WHERE id = ? AND state = 'pending' "
                        + "AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED",
                        (row, n) -> new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                                row.getInt(5)),
                        id, Timestamp.from(clock.instant()));
                if (claimed.isEmpty()) {
                    return Failure.NOT_CLAIMED;
                }
                Claimed row = claimed.get(0);
                Object savepoint = status.createSavepoint();
                try {
                    handle(row);
                } catch (Exception e) {
                    // the handler's own database writes go; the attempt is recorded in this transaction
                    status.rollbackToSavepoint(savepoint);
                    recordFailure(row, e);
                    return new Failure(row, e);
                }
                status.releaseSavepoint(savepoint);
                jdbc.update("UPDATE outbox SET state = 'done', attempts = ?, last_error = NULL, updated_at = ? WHERE id = ?",
                            row.attempts + 1, Timestamp.from(clock.instant()), row.id);
                return null;
            });
        } catch (RuntimeException e) {
            // the commit itself failed (the handler marked the transaction rollback-only, or the database went away):
            // the lock is gone with the rollback, so the attempt is recorded on its own
            log.warn("Outbox: row {} could not be completed: {}", id, e.toString());
            recordFailureAlone(id, e);
            return true;
        }
        if (failure == Failure.NOT_CLAIMED) {
            return false;
        }
        if (failure != null) {
            log.warn("Outbox: {} {} attempt {} failed: {}", failure.row.kind, failure.row.dedupeKey,
                     failure.row.attempts + 1, failure.error.toString());
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Claimed row) throws Exception {
        OutboxHandler handler = handlers.get(row.kind);
        Object payload;
        try {
            payload = json.readValue(row.payload, handler.payloadType());
        } catch (Exception e) {
            throw new PermanentFailure("the payload does not read as " + handler.payloadType().getSimpleName(), e);
        }
        handler.handle(new OutboxItem<>(row.id, row.kind, row.dedupeKey, payload, row.attempts + 1));
    }

    private void recordFailure(Claimed row, Exception error) {
        int attempts = row.attempts + 1;
        boolean giveUp = error instanceof PermanentFailure || attempts >= properties.maxAttempts();
        Instant now = clock.instant();
        jdbc.update("UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? "
                    + "WHERE id = ?",
                    giveUp ? OutboxState.FAILED.column() : OutboxState.PENDING.column(), attempts,
                    Timestamp.from(giveUp ? now : now.plus(backOff(attempts))), describe(error), Timestamp.from(now),
                    row.id);
    }

    private void recordFailureAlone(long id, Exception error) {
        try {
            transactions.executeWithoutResult(status -> {
                List<Claimed> claimed = jdbc.query(
                        "SELECT id, kind, dedupe_key, payload, attempts FROM outbox WHERE id = ? AND state = 'pending' "
                        + "FOR UPDATE SKIP LOCKED",
                        (row, n) -> new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                                row.getInt(5)),
                        id);
                claimed.forEach(row -> recordFailure(row, error));
            });
        } catch (RuntimeException e) {
            log.warn("Outbox: could not record the failure of row {}: {}", id, e.toString());
        }
    }

    /** The wait before attempt {@code attempts + 1}: first-retry, doubled each time, at most max-retry. */
    Duration backOff(int attempts) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private static String describe(Exception error) {
        String text = error.getMessage() == null ? error.getClass().getName()
                                                 : error.getClass().getSimpleName() + ": " + error.getMessage();
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null) {
            text += " (" + cause.getMessage() + ")";
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private record Claimed(long id, String kind, String dedupeKey, String payload, int attempts) {
    }

    private record Failure(Claimed row, Exception error) {
        static final Failure NOT_CLAIMED = new Failure(null, null);
    }

}
