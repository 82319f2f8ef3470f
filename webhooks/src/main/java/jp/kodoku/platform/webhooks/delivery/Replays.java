package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.api.InvalidWebhookInput;
import jp.kodoku.platform.webhooks.api.ReplayWebhookDeliveries;
import jp.kodoku.platform.webhooks.api.WebhookReplay;
import jp.kodoku.platform.webhooks.api.WebhookRuleViolation;
import jp.kodoku.platform.webhooks.api.WebhookSubscriptionNotFound;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A replay: the events of the subscription's types from a position in the event stream (or a time) on, enqueued
 * again in the stream's order with their own ids, behind whatever the subscription still has pending. It reads the
 * history from its start, so that whether an event was public (a member's profile, a published public event) is
 * decided as of that event, with the catalogue's fact rules kept in memory; the subscription's current scopes decide
 * what it receives.
 */
@Component
class Replays {

    /** Rows written in one statement, in the stream's order: one round trip each, and a bounded list in memory. */
    private static final int ROWS_AT_ONCE = 1_000;

    private final EventStore events;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Clock clock = Clock.systemUTC();

    Replays(EventStore events, Subscriptions subscriptions, Deliveries deliveries) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @CommandHandler
    WebhookReplay handle(ReplayWebhookDeliveries command) {
        check(command);
        Subscription subscription = subscriptions.findOf(command.subscriptionId(), command.clientId())
                                                 .orElseThrow(() -> new WebhookSubscriptionNotFound(command.subscriptionId()));
        if (!subscription.active()) {
            throw new WebhookRuleViolation("the subscription is disabled: enable it first, then replay");
        }
        String replayId = "replay-" + UUID.randomUUID();
        SubjectFacts.InMemory facts = new SubjectFacts.InMemory();
        Instant now = clock.instant();
        List<Deliveries.NewDelivery> rows = new ArrayList<>();
        int enqueued = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                facts.apply(message.getPayload());
                long position = message.trackingToken().position().orElseThrow();
                if (!replayed(command, message, position)) {
                    continue;
                }
                Optional<Publication> publication = Publication.of(message, position, facts::holdAll)
                                                               .filter(p -> p.goesTo(subscription));
                publication.ifPresent(p -> rows.add(new Deliveries.NewDelivery(subscription.id(), p.lane(),
                        message.getIdentifier(), position, p.entry().type(), p.body(), replayId)));
                if (rows.size() >= ROWS_AT_ONCE) {
                    enqueued += deliveries.enqueue(rows, now);
                    rows.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was interrupted", e);
        }
        enqueued += deliveries.enqueue(rows, now);
        return new WebhookReplay(replayId, subscription.id(), enqueued);
    }

    private static boolean replayed(ReplayWebhookDeliveries command, TrackedEventMessage<?> message, long position) {
        return command.fromPosition() != null ? position >= command.fromPosition()
                                              : !message.getTimestamp().isBefore(command.fromTime());
    }

    private static void check(ReplayWebhookDeliveries command) {
        if ((command.fromPosition() == null) == (command.fromTime() == null)) {
            throw new InvalidWebhookInput(List.of(new FieldViolation("fromPosition",
                    "give either fromPosition or fromTime, not both and not neither")));
        }
        if (command.fromPosition() != null && command.fromPosition() < 0) {
            throw new InvalidWebhookInput(List.of(new FieldViolation("fromPosition", "must be 0 or more")));
        }
    }
}
