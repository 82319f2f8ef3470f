package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): forget a public subscriber's address on request (APPI); it leaves every list for good. */
public record EraseSubscriber(@TargetAggregateIdentifier SubscriptionId subscriptionId, String reason) {
}
