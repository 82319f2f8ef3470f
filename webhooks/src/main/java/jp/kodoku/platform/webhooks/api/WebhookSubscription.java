package jp.kodoku.platform.webhooks.api;

import java.time.Instant;
import java.util.List;

/** A subscription as its client sees it: everything but the secrets. */
public record WebhookSubscription(String subscriptionId, long version, String url, List<String> eventTypes,
                                  WebhookSubscriptionState state, String disabledReason, Instant disabledAt,
                                  Instant previousSecretValidUntil, Instant createdAt) {
}
