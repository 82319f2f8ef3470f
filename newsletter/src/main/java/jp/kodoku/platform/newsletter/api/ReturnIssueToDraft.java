package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): take a scheduled issue back to draft, to edit it before it goes out. */
public record ReturnIssueToDraft(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion) {
}
