package jp.kodoku.platform.infra.outbox;

import java.time.Duration;

/**
 * Wakes this node's outbox workers when a row was committed on this node, so that a mail leaves at once rather than at
 * the next poll. Rows committed on another node are found by polling ({@code platform.outbox.poll-interval}).
 */
public class OutboxSignal {

    private long generation;

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    public synchronized long generation() {
        return generation;
    }

    /** Waits until woken after {@code seen} (a generation read before the last look at the table), or the timeout. */
    public synchronized void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
