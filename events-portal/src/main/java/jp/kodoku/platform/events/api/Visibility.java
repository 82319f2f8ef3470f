package jp.kodoku.platform.events.api;

/** Who sees an event: everyone, or members (and the secretariat) only. */
public enum Visibility {
    PUBLIC,
    MEMBERS_ONLY
}
