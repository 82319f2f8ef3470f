package jp.kodoku.platform.events.api;

/** The three views of the calendar: what the public, a member, the secretariat may see. */
public enum CalendarView {
    /** Public events that are announced. */
    PUBLIC,
    /** Plus members-only events. */
    MEMBER,
    /** Everything, drafts and proposals included. */
    SECRETARIAT
}
