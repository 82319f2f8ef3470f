package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): move an announced event to another time, with a reason. */
public record RescheduleEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion, Schedule schedule, String reason) {
}
