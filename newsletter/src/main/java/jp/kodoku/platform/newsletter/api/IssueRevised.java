package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: a draft's subject or planned send time changed. */
public record IssueRevised(IssueId issueId, String subject, Instant plannedSendAt) {
}
