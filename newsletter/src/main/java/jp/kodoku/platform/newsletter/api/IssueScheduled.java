package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the issue is ready and goes out at this time. */
public record IssueScheduled(IssueId issueId, Instant plannedSendAt) {
}
