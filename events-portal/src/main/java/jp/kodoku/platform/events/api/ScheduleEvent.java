package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (secretariat): create an event as a draft. */
public record ScheduleEvent(@TargetAggregateIdentifier EventId eventId, EventDetails details) {
}
