package jp.kodoku.platform.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.webhooks.*} (docs/operations.md).
 *
 * @param allowLoopbackTargets  tests and the benchmark only: receivers on this machine (127.0.0.0/8, ::1), by http
 *                              too. Private and link-local addresses stay refused.
 * @param giveUpAfter           how long a delivery may keep failing, from its first attempt, before its subscription
 *                              is disabled and the client's owner is mailed
 * @param firstRetry            the wait after the first failure, doubled after each, up to {@code maxRetry}
 * @param workers               threads per node that claim and mark rows (each holds a database connection while its
 *                              rows are sent); eight rather than four of eight rows each (ADR 0050): while one
 *                              marks and claims, the others' rows are under way
 * @param parallelSends         rows of different lanes one worker sends at once (and waits for together); the node
 *                              has {@code workers × parallelSends} threads that send
 * @param ownerAddress          who is mailed for a client that acts for no member organization (an outside system)
 * @param keepDeliveries        how long delivered and dropped rows and their attempts are kept (the delivery log's
 *                              reach back), removed once an hour by the task {@code webhooks.housekeeping}
 */
@ConfigurationProperties("platform.webhooks")
public record WebhooksProperties(@DefaultValue("false") boolean allowLoopbackTargets,
                                 @DefaultValue("P1D") Duration giveUpAfter,
                                 @DefaultValue("PT10S") Duration firstRetry,
                                 @DefaultValue("PT1H") Duration maxRetry,
                                 @DefaultValue("PT5S") Duration connectTimeout,
                                 @DefaultValue("PT10S") Duration requestTimeout,
                                 @DefaultValue("8") int workers,
                                 @DefaultValue("8") int parallelSends,
                                 @DefaultValue("PT1S") Duration pollInterval,
                                 @DefaultValue("100") int batchSize,
                                 @DefaultValue("jimukyoku@localhost") String ownerAddress,
                                 @DefaultValue("P30D") Duration keepDeliveries) {
}
