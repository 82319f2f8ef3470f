package jp.kodoku.platform.newsletter.api;

/** Event: an empty section was removed. */
public record IssueSectionRemoved(IssueId issueId, String sectionKey) {
}
