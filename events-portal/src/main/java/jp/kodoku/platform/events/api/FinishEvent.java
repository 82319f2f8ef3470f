package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): record that an event has taken place (after its end). */
public record FinishEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion) {
}
