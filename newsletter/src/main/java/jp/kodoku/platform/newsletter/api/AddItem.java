package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): add an item at the end of a section of a draft. */
public record AddItem(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, ItemId itemId, String sectionKey, ItemContent content) {
}
