package jp.kodoku.platform.newsletter.api;

/** Where a subscription stands. */
public enum SubscriptionStatus {
    /** Asked through the form; receives nothing until the link is followed. */
    PENDING_CONFIRMATION,
    ACTIVE,
    UNSUBSCRIBED,
    ERASED
}
