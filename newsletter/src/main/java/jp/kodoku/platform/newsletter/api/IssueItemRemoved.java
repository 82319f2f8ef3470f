package jp.kodoku.platform.newsletter.api;

/** Event: an item was taken out of the issue. */
public record IssueItemRemoved(IssueId issueId, ItemId itemId) {
}
