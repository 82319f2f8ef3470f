package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Command (anyone): subscribe this address through the public form with the consent wording of this version; a
 * confirmation link is mailed and must be followed before any issue is sent (double opt-in). Answered with the
 * subscription's id; an address already on the list keeps its subscription, and the answer does not tell.
 */
public record RequestSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId, String email,
                                  String wordingVersion) {
}
