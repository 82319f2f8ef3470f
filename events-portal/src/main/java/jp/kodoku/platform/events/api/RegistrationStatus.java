package jp.kodoku.platform.events.api;

/** Where a registration is. */
public enum RegistrationStatus {
    /** A public registration whose e-mail address has not been confirmed yet: it holds no seat and no place. */
    PENDING_CONFIRMATION,
    CONFIRMED,
    WAITLISTED,
    /** Cancelled by the registrant (or left the waitlist). */
    CANCELLED,
    /** Removed by the secretariat, with a reason. */
    REMOVED,
    /** The event was cancelled. */
    EVENT_CANCELLED
}
