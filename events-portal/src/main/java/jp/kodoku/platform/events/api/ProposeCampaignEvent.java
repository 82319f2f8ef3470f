package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (member admin): propose an event its organization hosts under a 強化月間 campaign; the secretariat decides. */
public record ProposeCampaignEvent(@TargetAggregateIdentifier EventId eventId, OrganizationId proposer, EventDetails details) {
}
