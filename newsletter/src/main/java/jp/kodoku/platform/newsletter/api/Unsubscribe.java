package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command: the subscriber leaves the list (a member's contact too: membership only makes receiving the default). */
public record Unsubscribe(@TargetAggregateIdentifier SubscriptionId subscriptionId, UnsubscribeChannel how) {
}
