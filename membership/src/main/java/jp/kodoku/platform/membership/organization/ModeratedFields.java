package jp.kodoku.platform.membership.organization;

import java.util.Set;

/**
 * Which profile fields need approval when a member admin changes them, as the moderation setting stands at this moment
 * (see {@link jp.kodoku.platform.membership.api.ProfileModeration}). A handler parameter, like the member accounts:
 * only the member admin's profile change asks.
 */
public interface ModeratedFields {

    /** The moderated fields now; empty while moderation is off. */
    Set<String> now();
}
