package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** One issue in a list; {@code number} is null until it starts going out. */
public record IssueSummary(IssueId issueId, Integer number, String subject, Instant plannedSendAt, IssueStatus status,
                           int items, long version) {
}
