package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): the issue will not be sent (a draft or a scheduled issue; the reason is kept). */
public record CancelIssue(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, String reason) {
}
