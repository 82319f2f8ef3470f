package jp.kodoku.platform.membership.api;

/** Query: the moderation setting now, answered with a {@link ProfileModerationState}. */
public record FindProfileModeration() {
}
