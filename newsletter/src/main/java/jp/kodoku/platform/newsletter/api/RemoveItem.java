package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): take an item out of a draft. */
public record RemoveItem(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, ItemId itemId) {
}
