package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Command: a member organization's contact who had left the list receives the newsletter again (the contact asked;
 * their admin or the secretariat records it). A public subscriber comes back through the form and its confirmation.
 */
public record Resubscribe(@TargetAggregateIdentifier SubscriptionId subscriptionId, ConsentChannel how,
                          String wordingVersion) {
}
