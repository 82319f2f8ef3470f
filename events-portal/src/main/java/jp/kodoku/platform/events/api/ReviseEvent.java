package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): change what the editor sets, except the schedule of an announced event (that is a RescheduleEvent, with a reason). A raised capacity promotes from the waitlist in the same command. */
public record ReviseEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion, EventDetails details) {
}
