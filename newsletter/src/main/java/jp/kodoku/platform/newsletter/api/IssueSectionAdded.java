package jp.kodoku.platform.newsletter.api;

/** Event: a section was added after the others. */
public record IssueSectionAdded(IssueId issueId, Section section) {
}
