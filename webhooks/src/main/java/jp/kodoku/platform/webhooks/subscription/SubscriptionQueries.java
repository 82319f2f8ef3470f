package jp.kodoku.platform.webhooks.subscription;

import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.WebhookCatalogue;
import jp.kodoku.platform.webhooks.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** A client's subscriptions (never their secrets) and the catalogue of types. */
@Component
class SubscriptionQueries {

    private final Subscriptions subscriptions;
    private final Clock clock = Clock.systemUTC();

    SubscriptionQueries(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @QueryHandler
    List<WebhookSubscription> handle(ListWebhookSubscriptions query) {
        return subscriptions.of(query.clientId()).stream().map(this::view).toList();
    }

    @QueryHandler
    WebhookSubscription handle(FindWebhookSubscription query) {
        return subscriptions.findOf(query.subscriptionId(), query.clientId()).map(this::view)
                            .orElseThrow(() -> new WebhookSubscriptionNotFound(query.subscriptionId()));
    }

    @QueryHandler
    List<WebhookEventType> handle(ListWebhookEventTypes query) {
        return WebhookCatalogue.types();
    }

    private WebhookSubscription view(Subscription s) {
        boolean overlapping = s.signingSecrets(clock.instant()).size() > 1;
        return new WebhookSubscription(s.id(), s.version(), s.url(), s.eventTypes(),
                                       s.active() ? WebhookSubscriptionState.ACTIVE : WebhookSubscriptionState.DISABLED,
                                       s.disabledReason(), s.disabledAt(), overlapping ? s.previousSecretUntil() : null,
                                       s.createdAt());
    }
}
