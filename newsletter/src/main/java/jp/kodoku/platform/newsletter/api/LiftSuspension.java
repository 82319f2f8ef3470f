package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): the bounced address works again; it receives the next issues. */
public record LiftSuspension(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
