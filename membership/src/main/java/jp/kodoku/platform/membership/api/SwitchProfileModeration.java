package jp.kodoku.platform.membership.api;

/**
 * Secretariat: turn "changes need approval" on or off for the moderated fields ({@link ProfileModeration#FIELDS}).
 * Switching to the state it is already in changes nothing.
 *
 * @param expectedVersion the setting's version as read (If-Match), or null
 */
public record SwitchProfileModeration(boolean enabled, Long expectedVersion) {
}
