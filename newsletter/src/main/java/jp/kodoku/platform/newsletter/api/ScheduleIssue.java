package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Command (secretariat): the draft is ready; send it at its planned time (which must lie ahead) to the recipients the
 * segment reaches then.
 */
public record ScheduleIssue(@TargetAggregateIdentifier IssueId issueId, @TargetAggregateVersion Long expectedVersion,
                            Segment segment) {

    public ScheduleIssue {
        if (segment == null) {
            throw new InvalidNewsletterInput("segment", "is required (audience ALL, MEMBERS or PUBLIC)");
        }
    }

    /** To every subscriber ({@link Segment#EVERYONE}). */
    public ScheduleIssue(IssueId issueId, Long expectedVersion) {
        this(issueId, expectedVersion, Segment.EVERYONE);
    }
}
