package jp.kodoku.platform.webhooks.subscription;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.webhooks.SubscriptionSecrets;
import jp.kodoku.platform.webhooks.Subscriptions;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import jp.kodoku.platform.webhooks.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Subscriptions: a table, not an aggregate (ADR 0031), so these handlers write it directly, in the command's
 * transaction. Every command names the client; a subscription of another client is not found.
 */
@Component
class WebhookSubscriptionCommandHandler {

    private final Subscriptions subscriptions;
    private final WebhooksProperties properties;
    private final Clock clock = Clock.systemUTC();

    private final SubscriptionSecrets secrets;

    WebhookSubscriptionCommandHandler(Subscriptions subscriptions, WebhooksProperties properties,
                                      SubscriptionSecrets secrets) {
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.secrets = secrets;
    }

    @CommandHandler
    IssuedWebhookSecret handle(SubscribeToWebhooks command,
                               @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        List<String> types = SubscriptionRules.check(command, properties.allowLoopbackTargets());
        if (subscriptions.of(command.clientId()).size() >= SubscriptionRules.MAX_SUBSCRIPTIONS_PER_CLIENT) {
            throw new WebhookRuleViolation("a client may have at most " + SubscriptionRules.MAX_SUBSCRIPTIONS_PER_CLIENT
                                           + " subscriptions");
        }
        String id = WebhookSecrets.newSubscriptionId();
        String secret = WebhookSecrets.newSecret();
        Subscription subscription = new Subscription(
                id, command.clientId(), command.organizationId(), command.url(), types,
                java.util.Set.copyOf(command.clientScopes()), secrets.seal(id, secret), null, null, true, null, null,
                0, clock.instant());
        subscriptions.add(subscription, principal == null ? command.clientId() : principal);
        return new IssuedWebhookSecret(subscription.id(), secret, null, 0);
    }

    @CommandHandler
    IssuedWebhookSecret handle(RotateWebhookSecret command) {
        Subscription subscription = own(command.subscriptionId(), command.clientId());
        int overlap = SubscriptionRules.overlapHours(command);
        Instant now = clock.instant();
        String secret = WebhookSecrets.newSecret();
        Instant until = overlap == 0 ? null : now.plus(Duration.ofHours(overlap));
        // the previous secret keeps signing as it is stored, sealed
        subscriptions.rotateSecret(subscription.id(), secrets.seal(subscription.id(), secret),
                                   overlap == 0 ? null : subscription.secret(), until, now);
        return new IssuedWebhookSecret(subscription.id(), secret, until, subscription.version() + 1);
    }

    @CommandHandler
    void handle(DeleteWebhookSubscription command) {
        String id = own(command.subscriptionId(), command.clientId()).id();
        subscriptions.remove(id);
        secrets.forget(id);
    }

    @CommandHandler
    long handle(EnableWebhookSubscription command) {
        Subscription subscription = own(command.subscriptionId(), command.clientId());
        if (subscription.active()) {
            throw new WebhookRuleViolation("the subscription is active already");
        }
        subscriptions.enable(subscription.id(), clock.instant());
        return subscription.version() + 1;
    }

    @CommandHandler
    int handle(DisableClientWebhooks command) {
        int disabled = 0;
        for (Subscription subscription : subscriptions.of(command.clientId())) {
            if (subscriptions.disable(subscription.id(), command.reason(), clock.instant())) {
                disabled++;
            }
        }
        return disabled;
    }

    private Subscription own(String subscriptionId, String clientId) {
        return subscriptions.findOf(subscriptionId, clientId)
                            .orElseThrow(() -> new WebhookSubscriptionNotFound(subscriptionId));
    }
}
