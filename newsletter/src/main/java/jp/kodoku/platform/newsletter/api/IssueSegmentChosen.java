package jp.kodoku.platform.newsletter.api;

/** Event: the issue goes to the recipients this segment reaches when it starts going out (chosen when scheduled). */
public record IssueSegmentChosen(IssueId issueId, Segment segment) {
}
