package jp.kodoku.platform.newsletter.api;

/** Event: a scheduled issue went back to draft; it will not go out until scheduled again. */
public record IssueReturnedToDraft(IssueId issueId) {
}
