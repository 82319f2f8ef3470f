package jp.kodoku.platform.newsletter.api;

/** Event: an item was added at the end of a section. */
public record IssueItemAdded(IssueId issueId, ItemId itemId, String sectionKey, ItemContent content) {
}
