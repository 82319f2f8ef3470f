package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Command (secretariat): remove an empty section from a draft. */
public record RemoveSection(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion, String sectionKey) {
}
