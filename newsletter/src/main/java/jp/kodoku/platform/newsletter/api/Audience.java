package jp.kodoku.platform.newsletter.api;

/** Who an issue goes to, before the filters of a {@link Segment}. */
public enum Audience {
    /** Members' contacts and public subscribers. */
    ALL,
    /** Members' contacts only (the filters of the segment narrow them). */
    MEMBERS,
    /** Public subscribers only. */
    PUBLIC
}
