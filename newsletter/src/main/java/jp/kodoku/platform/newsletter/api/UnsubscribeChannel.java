package jp.kodoku.platform.newsletter.api;

/** How a subscriber left the list. */
public enum UnsubscribeChannel {
    /** The one-click POST of a mail client (RFC 8058). */
    ONE_CLICK,
    /** The unsubscribe page linked from the footer. */
    LINK,
    /** The mailto address of List-Unsubscribe. */
    MAIL,
    /** The secretariat, on the subscriber's request. */
    SECRETARIAT,
    /** The member organization's admin, for its contact. */
    MEMBER_ADMIN
}
