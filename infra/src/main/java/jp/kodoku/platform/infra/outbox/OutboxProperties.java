package jp.kodoku.platform.infra.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.outbox.*} (docs/operations.md).
 *
 * @param workers       worker threads per node (each holds one database connection while it handles a row)
 * @param pollInterval  how often an idle worker looks for rows committed on another node or coming due
 * @param batchSize     due rows read per look
 * @param maxAttempts   attempts before a row is marked failed
 * @param firstRetry    the wait after the first failed attempt, doubled after each further one …
 * @param maxRetry      … up to this
 * @param shutdownWait  how long a stopping node waits for the rows in hand
 * @param keepDone      how long done rows are kept (then removed by OutboxHousekeeping); failed rows are kept
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("2") int workers,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("50") int batchSize,
                               @DefaultValue("8") int maxAttempts,
                               @DefaultValue("30s") Duration firstRetry,
                               @DefaultValue("1h") Duration maxRetry,
                               @DefaultValue("30s") Duration shutdownWait,
                               @DefaultValue("30d") Duration keepDone) {
}
