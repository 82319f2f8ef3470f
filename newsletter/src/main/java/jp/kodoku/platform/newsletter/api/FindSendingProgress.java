package jp.kodoku.platform.newsletter.api;

/** Query (secretariat): how far the issue's sending has come; a {@link SendingProgress}, or nothing before it started. */
public record FindSendingProgress(IssueId issueId) {
}
