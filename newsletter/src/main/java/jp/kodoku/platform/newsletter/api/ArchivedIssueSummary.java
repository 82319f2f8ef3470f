package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** An issue of the public archive as its list shows it. */
public record ArchivedIssueSummary(IssueId issueId, int number, String subject, Instant sentAt, int fiscalYear) {
}
