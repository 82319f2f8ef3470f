package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.NotFound;

/** A confirmation link that is not (or no longer) the subscription's: answered 404, telling nothing more. */
public class SubscriptionLinkInvalid extends NotFound {

    public SubscriptionLinkInvalid() {
        super("no subscription waits for this link");
    }
}
