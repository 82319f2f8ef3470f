package jp.kodoku.platform.newsletter.api;

/** Event: the issue will never be sent. */
public record IssueCancelled(IssueId issueId, String reason) {
}
