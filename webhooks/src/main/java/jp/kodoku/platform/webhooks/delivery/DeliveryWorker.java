package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.SubscriptionSecrets;
import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Sends due deliveries on {@code platform.webhooks.workers} threads per node, each sending up to
 * {@code parallel-sends} rows of different lanes at once. As infra's outbox worker does (ADR 0018), a row is locked
 * while it is sent, and marked in the same transaction, so a node that dies mid-send leaves it
 * pending for the next worker (the receiver may then see it twice, with the same {@code webhook-id}). A failure is
 * tried again after 10 s, doubling up to an hour; once a delivery has failed for {@code give-up-after} (a day) since
 * its first attempt, the subscription is disabled and its owner mailed ({@link OwnerNotice}).
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final WebhookSender sender;
    private final OwnerNotice notice;
    private final SubscriptionSecrets secrets;
    private final WebhooksProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorker(Deliveries deliveries, Subscriptions subscriptions, WebhookSender sender, OwnerNotice notice,
                   SubscriptionSecrets secrets, WebhooksProperties properties,
                   PlatformTransactionManager transactionManager) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.notice = notice;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public synchronized void start() {
        if (running || properties.workers() <= 0) {
            return;
        }
        running = true;
        for (int i = 1; i <= properties.workers(); i++) {
            Thread thread = new Thread(this::work, "webhooks-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        deliveries.signal().wake();
        for (Thread thread : threads) {
            try {
                thread.join(properties.requestTimeout().plusSeconds(1).toMillis());
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

    /** Started after everything it uses, stopped before. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running) {
            long seen = deliveries.signal().generation();
            boolean sentAny = false;
            try {
                sentAny = sendOneBatch();
            } catch (RuntimeException e) {
                log.warn("Webhooks: could not read or mark deliveries: {}", e.toString());
            }
            if (!sentAny && running) {
                try {
                    deliveries.signal().awaitAfter(seen, properties.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims up to {@code parallel-sends} rows at the heads of their lanes (so never two of one lane), sends them at
     * once, waits for every answer, marks each: one transaction. Whether any row was claimed.
     */
    boolean sendOneBatch() {
        Boolean claimedAny = transactions.execute(status -> {
            List<Deliveries.Delivery> claimed = deliveries.claimHeads(clock.instant(), properties.parallelSends(),
                                                                      properties.batchSize());
            if (claimed.isEmpty()) {
                return false;
            }
            deliveries.commitWithoutFlush();
            Instant now = clock.instant();
            // one query for the batch's subscriptions; their secrets are opened once a few minutes (SubscriptionSecrets)
            Map<String, Subscription> active = new HashMap<>();
            subscriptions.find(claimed.stream().map(Deliveries.Delivery::subscriptionId).collect(Collectors.toSet()))
                         .stream().filter(Subscription::active).forEach(s -> active.put(s.id(), s));
            Set<String> dropped = new HashSet<>();
            List<Sending> sending = new ArrayList<>();
            for (Deliveries.Delivery delivery : claimed) {
                Subscription subscription = active.get(delivery.subscriptionId());
                if (subscription == null) {
                    if (dropped.add(delivery.subscriptionId())) {
                        deliveries.dropPending(delivery.subscriptionId(), now);
                    }
                    continue;
                }
                sending.add(new Sending(delivery, subscription, sender.send(subscription.url(),
                        secrets.signing(subscription, now), delivery.eventId(), delivery.body(), now)));
            }
            Map<Deliveries.Delivery, Deliveries.Outcome> outcomes = new LinkedHashMap<>();
            sending.forEach(s -> outcomes.put(s.delivery(), s.outcome().join()));
            Instant after = clock.instant();
            deliveries.recordAttempts(outcomes, now, after);
            for (Sending s : sending) {
                Deliveries.Outcome outcome = outcomes.get(s.delivery());
                if (outcome.delivered()) {
                    continue;
                } else if (Duration.between(s.delivery().firstAttemptOr(now), after)
                                   .compareTo(properties.giveUpAfter()) >= 0) {
                    giveUp(s.subscription(), s.delivery(), outcome, after);
                } else {
                    deliveries.failed(s.delivery(), after.plus(backOff(s.delivery().attempts() + 1)), after);
                }
            }
            return !claimed.isEmpty();
        });
        return Boolean.TRUE.equals(claimedAny);
    }

    private record Sending(Deliveries.Delivery delivery, Subscription subscription,
                           CompletableFuture<Deliveries.Outcome> outcome) {
    }

    private void giveUp(Subscription subscription, Deliveries.Delivery delivery, Deliveries.Outcome outcome,
                        Instant now) {
        deliveries.failed(delivery, now, now);
        long from = deliveries.dropPending(subscription.id(), now).orElse(delivery.position());
        String reason = "deliveries failed for " + readable(properties.giveUpAfter()) + " and more (last: "
                        + outcome.error() + "); after fixing the receiver, reactivate the subscription and replay from "
                        + "position " + from;
        if (subscriptions.disable(subscription.id(), reason, now)) {
            notice.disabled(subscription, reason, now);
            log.warn("Webhooks: subscription {} disabled: {}", subscription.id(), reason);
        }
    }

    private static String readable(Duration duration) {
        return duration.toHours() >= 1 ? duration.toHours() + " h" : duration.toSeconds() + " s";
    }

    /** The wait after the {@code attempts}-th failure: first-retry, doubled each time, at most max-retry. */
    Duration backOff(int attempts) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }
}
