package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): announce a draft; a symposium gets its number (第N回) now. */
public record PublishEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion) {
}
