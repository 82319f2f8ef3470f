package jp.kodoku.platform.events.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): refuse a proposed campaign event, with a reason the proposer sees. */
public record RejectCampaignEvent(@TargetAggregateIdentifier EventId eventId, @TargetAggregateVersion Long expectedVersion, String reason) {
}
