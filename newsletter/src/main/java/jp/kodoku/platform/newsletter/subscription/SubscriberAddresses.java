package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.newsletter.api.SubscriptionId;

/**
 * Which public subscription holds an address, so that an address is on the list once, whoever asks and however
 * often: a rule over all subscriptions, kept in {@code newsletter_subscriber_addresses} and written in the
 * transaction that appends the request (the pattern of ADR 0004). The address is kept only as its hash, and the row
 * goes with the subscriber's erasure.
 */
public interface SubscriberAddresses {

    /** The subscription holding the address: {@code candidate} if the address was free (it holds it now). */
    SubscriptionId claim(String addressHash, SubscriptionId candidate);

    void release(SubscriptionId subscription);
}
