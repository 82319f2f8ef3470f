package jp.kodoku.platform.newsletter.api;

/** Event: an item's content changed. */
public record IssueItemRevised(IssueId issueId, ItemId itemId, ItemContent content) {
}
