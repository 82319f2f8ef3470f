package jp.kodoku.platform.newsletter.api;

import java.time.Instant;
import java.util.List;

/**
 * What a subscriber agreed to, when and how, in order (特定電子メール法). A member's contact that never left the list
 * has one entry: receiving by membership, since the contact was named.
 *
 * @param entries each: {@code what} (SUBSCRIBED_BY_MEMBERSHIP, REQUESTED, CONFIRMED, UNSUBSCRIBED, RESUBSCRIBED,
 *                ERASED), when, how (a {@link ConsentChannel} or {@link UnsubscribeChannel}), the wording's version
 */
public record ConsentLedger(SubscriptionId subscriptionId, SubscriptionStatus status, List<Entry> entries) {

    public record Entry(String what, Instant at, String how, String wordingVersion) {
    }
}
