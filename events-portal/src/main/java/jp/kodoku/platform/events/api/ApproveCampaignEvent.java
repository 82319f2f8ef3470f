package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): approve a proposed campaign event, which publishes it. */
public record ApproveCampaignEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion) {
}
