package jp.kodoku.platform.infra.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Runs a command once more when its events lost the race for their sequence numbers: another node appended to the
 * same aggregate between this command's load and its commit. The failed attempt rolled back and took the aggregate out
 * of the cache, so the second attempt decides on the state that won. A command that carried an expected version then
 * meets the newer version and is refused as stale (412), as it should be; one that did not simply applies again.
 *
 * <p>Only this failure is retried. Axon's own schedulers retry every failure that is not marked non-transient, which
 * here includes rule violations; and they retry on another thread, outside the caller's transaction. This one retries
 * at once on the caller's thread. A second lost race is answered as a conflict (409): the client may send again.
 * Nor is a command retried inside an enclosing transaction (an event handler's, an idempotent request's): PostgreSQL
 * aborted that transaction with the failed insert, so only its owner can start over.
 */
public final class ConcurrentAppendRetry implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentAppendRetry.class);

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!(lastFailure instanceof ConcurrencyException) || failures.size() > 1
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        log.info("{} lost an append race to another writer ({}); running it once more",
                commandMessage.getPayloadType().getSimpleName(), lastFailure.getMessage());
        dispatchTask.run();
        return true;
    }
}
