package jp.kodoku.platform.newsletter.api;

/** How consent to receive the newsletter was given (特定電子メール法: recorded with what, when and which wording). */
public enum ConsentChannel {
    /** The public form, confirmed through the mailed link (double opt-in). */
    FORM,
    /** Part of membership: a member organization's contact receives it unless they opt out. */
    MEMBERSHIP,
    /** Brought in from an earlier list with its own consent records. */
    IMPORT
}
