package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.events.api.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Command (secretariat): add to イベント案内 of a draft an item made from a published public event of the events portal
 * (its title, when and where, the first lines of its description and a link to its public page), in one step.
 */
public record AddEventItem(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion,
                           ItemId itemId, EventId eventId) {
}
