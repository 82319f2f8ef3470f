package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * The platform-wide rule "a member admin's change to these profile fields needs the secretariat's approval". One
 * switch for one set of fields: the fields are the profile's free text that the public directory shows, where a
 * change carries the same risk (a misleading name, an unwanted link, text the platform would not publish); the reading
 * travels with the name, since the directory shows and searches the two together.
 */
public final class ProfileModeration {

    /** The identifier of the one setting (an aggregate of its own). */
    public static final String SETTING_ID = "profile-moderation";

    /** The fields whose changes by a member admin need approval while the setting is on, in profile order. */
    public static final List<String> FIELDS = List.of("name", "nameKana", "website", "publicDescription");

    private ProfileModeration() {
    }
}
