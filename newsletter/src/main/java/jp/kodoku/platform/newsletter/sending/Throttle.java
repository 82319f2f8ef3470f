package jp.kodoku.platform.newsletter.sending;

import java.util.concurrent.TimeUnit;

/**
 * At most so many mails per second from this node, over all its outbox workers: each send reserves the next slot and
 * waits for it. The rows' due times already pace a sending; this only bounds a catch-up after an outage.
 */
final class Throttle {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    Throttle(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
