package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): move an item of a draft to a position (0 = first) of a section, the same or another. */
public record MoveItem(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, ItemId itemId, String sectionKey, int position) {
}
