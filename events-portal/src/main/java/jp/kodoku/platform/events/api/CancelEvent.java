package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): call an event off, with a reason; its registrations end. */
public record CancelEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion, String reason) {
}
