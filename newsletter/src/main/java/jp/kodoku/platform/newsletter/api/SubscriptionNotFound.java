package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** No subscription has this id (answered with 404). */
public class SubscriptionNotFound extends NotFound {

    public SubscriptionNotFound(SubscriptionId id) {
        super("no subscription " + id.value());
    }
}
