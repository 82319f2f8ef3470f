package jp.kodoku.platform.webhooks.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** No such subscription for this client (another client's subscription is not found either: 404, never 403). */
public class WebhookSubscriptionNotFound extends NotFound {

    public WebhookSubscriptionNotFound(String subscriptionId) {
        super("no webhook subscription " + subscriptionId);
    }
}
