package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Command: a scheduled issue takes its number (第N号) and starts going out, either because its planned time has come
 * (the scheduled send; refused before that time, so a stale timer cannot send early) or at once ({@code now}: the
 * secretariat's "send now", with the version it read). Sent again for an issue already sending or sent, it changes
 * nothing.
 */
public record StartSendingIssue(@TargetAggregateIdentifier IssueId issueId,
                                @TargetAggregateVersion Long expectedVersion, boolean now) {

    /** The scheduled send: only once the planned time has come. */
    public StartSendingIssue(IssueId issueId) {
        this(issueId, null, false);
    }
}
