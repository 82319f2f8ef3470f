package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (the registrant, through the private link): cancel, or leave the waitlist. */
public record CancelRegistrationByLink(@TargetAggregateIdentifier EventId eventId, String accessTokenHash) {
}
