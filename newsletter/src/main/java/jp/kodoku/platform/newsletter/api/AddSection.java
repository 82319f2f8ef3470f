package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): add a section of the secretariat's own after the others (the issue gives it its key). */
public record AddSection(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, String title) {
}
