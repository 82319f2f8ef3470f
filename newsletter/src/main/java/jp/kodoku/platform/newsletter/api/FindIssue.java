package jp.kodoku.platform.newsletter.api;

/** Query: one issue with its sections and items, bodies rendered; answered with an {@link IssueDetails}, or null. */
public record FindIssue(IssueId issueId) {
}
