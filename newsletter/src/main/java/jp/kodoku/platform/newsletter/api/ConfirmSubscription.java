package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (anyone holding the mailed link): confirm a requested subscription before the link expires. */
public record ConfirmSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId, String confirmationToken) {
}
