package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.WebhookCatalogue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns every published event into one delivery row per subscription that receives it, in the processor's
 * transaction: the rows and the token's move commit together, so an event is neither lost nor enqueued twice (the
 * row's unique key catches a redelivered event). A processing group of its own, {@value #GROUP}, with one segment:
 * rows are written in the event stream's order, which is the order they go out in per lane.
 *
 * <p>Per batch of events (up to {@value DeliveryProcessorBatches#BATCH} in one transaction), not per event: the active
 * subscriptions and the facts of the batch's subjects are read once, and the rows are written in one statement just
 * before the commit. Each round trip costs tens of milliseconds on a busy machine, and a dozen per event held the
 * rows back at 50 events a second (ADR 0050).
 */
@Component
@ProcessingGroup(DeliveryEnqueuer.GROUP)
class DeliveryEnqueuer {

    static final String GROUP = "webhooks";
    private static final String BATCH_RESOURCE = DeliveryEnqueuer.class.getName() + ".batch";

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
        Batch batch = currentBatch();
        batch.facts.apply(payload);
        long position = token.position().orElseThrow();
        Publication.of(message, position, batch.facts::holdAll).ifPresent(publication -> {
            for (Subscriptions.Receiving receiving : batch.receiving) {
                if (receiving.receives(publication.entry().type(), position)
                    && publication.goesTo(receiving.subscription())) {
                    batch.rows.add(new Deliveries.NewDelivery(receiving.subscription().id(), publication.lane(),
                            message.getIdentifier(), position, publication.entry().type(), publication.body(),
                            Deliveries.LIVE));
                }
            }
        });
        if (batch.writeNow) {
            batch.write();
        }
    }

    /** The batch of the processor's unit of work, started with its first event; a batch of one outside of one. */
    private Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(Set.of(), true);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> {
            Batch batch = new Batch(subjectsOf(unitOfWork), false);
            unitOfWork.onPrepareCommit(u -> batch.write());
            return batch;
        });
    }

    /** The subjects whose facts the batch's events may ask for, so that they are read in one query. */
    private static Set<String> subjectsOf(UnitOfWork<?> unitOfWork) {
        Set<String> subjects = new LinkedHashSet<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
            batching.getMessages().forEach(message -> WebhookCatalogue.entryFor(message.getPayloadType())
                    .filter(entry -> !entry.requiredFacts().isEmpty())
                    .ifPresent(entry -> subjects.add(entry.subjectOf(message.getPayload()))));
        }
        return subjects;
    }

    /** What one transaction of the processor reads once and writes at its end. */
    private final class Batch {

        final List<Subscriptions.Receiving> receiving = subscriptions.active();
        final SubjectFacts.Batch facts;
        final List<Deliveries.NewDelivery> rows = new ArrayList<>();
        final boolean writeNow;

        Batch(Set<String> subjects, boolean writeNow) {
            this.facts = DeliveryEnqueuer.this.facts.batch(subjects);
            this.writeNow = writeNow;
        }

        void write() {
            deliveries.enqueue(rows, clock.instant());
            rows.clear();
        }
    }
}
