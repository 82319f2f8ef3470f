package jp.kodoku.platform.newsletter.api;

/** Event: an item moved to this position (0 = first) of this section. */
public record IssueItemMoved(IssueId issueId, ItemId itemId, String sectionKey, int position) {
}
