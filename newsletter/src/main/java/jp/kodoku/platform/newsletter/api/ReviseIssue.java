package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Command (secretariat): change a draft's subject and planned send time. */
public record ReviseIssue(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, String subject, Instant plannedSendAt) {
}
