package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.WebhookCatalogue;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One event as the catalogue publishes it, if it does: the same decision for the first delivery and for a replay.
 *
 * @param lane the aggregate the event belongs to: deliveries keep their order within it
 */
record Publication(WebhookCatalogue.Entry<?> entry, String subject, String lane, String body) {

    /**
     * The publication of an event that the catalogue has an entry for and whose subject has the facts the entry needs
     * ({@code factsHold}, after the event's own fact rules were applied).
     */
    static Optional<Publication> of(EventMessage<?> message, long position, BiPredicate<String, Set<String>> factsHold) {
        Object payload = message.getPayload();
        return WebhookCatalogue.entryFor(message.getPayloadType())
                               .filter(entry -> factsHold.test(entry.subjectOf(payload), entry.requiredFacts()))
                               .map(entry -> {
                                   String subject = entry.subjectOf(payload);
                                   String lane = message instanceof DomainEventMessage<?> domain
                                           ? domain.getAggregateIdentifier() : subject;
                                   return new Publication(entry, subject, lane, CloudEvents.body(
                                           entry, payload, message.getIdentifier(), message.getTimestamp(), position));
                               });
    }

    /** Whether this subscription receives it: subscribed to its type, with the scope it needs. */
    boolean goesTo(Subscription subscription) {
        return subscription.eventTypes().contains(entry.type()) && subscription.scopes().contains(entry.scope());
    }
}
