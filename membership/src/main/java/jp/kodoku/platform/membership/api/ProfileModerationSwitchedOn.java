package jp.kodoku.platform.membership.api;

import java.util.List;

/** Event: From now on a member admin's change to {@code fields} is a proposal the secretariat decides. Published contract: never change its shape. */
public record ProfileModerationSwitchedOn(String settingId, List<String> fields) {
}
