package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * Event: From now on a member admin's change to {@code fields} takes effect at once. Proposals made before stay
 * pending for the secretariat to decide. Published contract: never change its shape.
 */
public record ProfileModerationSwitchedOff(String settingId, List<String> fields) {
}
