package jp.kodoku.platform.newsletter.api;

/** Where an issue is on its way: draft → scheduled → sending → sent, or cancelled before sending. */
public enum IssueStatus {
    DRAFT, SCHEDULED, SENDING, SENT, CANCELLED
}
