package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): the draft is ready; send it at its planned time (which must lie ahead). */
public record ScheduleIssue(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion) {
}
