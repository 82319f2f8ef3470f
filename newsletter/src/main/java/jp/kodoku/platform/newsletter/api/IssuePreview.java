package jp.kodoku.platform.newsletter.api;

/** The mail of an issue as it would be sent: its subject, both bodies and the unsubscribe headers. */
public record IssuePreview(String subject, String html, String text, String listUnsubscribe,
                           String listUnsubscribePost) {
}
