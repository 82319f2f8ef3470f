package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): change what an item of a draft says. */
public record ReviseItem(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, ItemId itemId, ItemContent content) {
}
