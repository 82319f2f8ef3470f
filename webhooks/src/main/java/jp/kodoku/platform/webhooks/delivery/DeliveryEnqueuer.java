package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.Subscriptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Turns every published event into one delivery row per subscription that receives it, in the processor's
 * transaction: the rows and the token's move commit together, so an event is neither lost nor enqueued twice (the
 * row's unique key catches a redelivered event). A processing group of its own, {@value #GROUP}, with one segment:
 * rows are written in the event stream's order, which is the order they go out in per lane.
 */
@Component
@ProcessingGroup(DeliveryEnqueuer.GROUP)
class DeliveryEnqueuer {

    static final String GROUP = "webhooks";

    private final Subscriptions subscriptions;
    private final SubjectFacts facts;
    private final Deliveries deliveries;
    private final Clock clock = Clock.systemUTC();

    DeliveryEnqueuer(Subscriptions subscriptions, SubjectFacts facts, Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.facts = facts;
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        facts.apply(payload);
        long position = token.position().orElseThrow();
        Publication.of(message, position, facts::holdAll).ifPresent(publication -> {
            for (Subscriptions.Subscription subscription : subscriptions.activeTo(publication.entry().type(), position)) {
                if (publication.goesTo(subscription)) {
                    deliveries.enqueue(subscription.id(), publication.lane(), message.getIdentifier(), position,
                                       publication.entry().type(), publication.body(), Deliveries.LIVE,
                                       clock.instant());
                }
            }
        });
    }
}
