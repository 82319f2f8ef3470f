package jp.kodoku.platform.membership.moderation;

import jp.kodoku.platform.membership.api.ProfileModeration;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOff;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOn;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The platform-wide switch "a member admin's change to the moderated fields needs approval", with its history as
 * events (who switched it and when is in their metadata). One instance, {@link ProfileModeration#SETTING_ID}; it comes
 * into being the first time it is switched on.
 */
@Aggregate
class ProfileModerationSetting {

    @AggregateIdentifier
    private String id;
    private boolean enabled;

    protected ProfileModerationSetting() {
        // for Axon
    }

    /** The first switch: on (off is where it starts). */
    ProfileModerationSetting(String id) {
        apply(new ProfileModerationSwitchedOn(id, ProfileModeration.FIELDS));
    }

    /** Switching to the state it is in changes nothing: a repeated PUT is harmless. */
    long switchTo(boolean on) {
        if (on != enabled) {
            apply(on ? new ProfileModerationSwitchedOn(id, ProfileModeration.FIELDS)
                    : new ProfileModerationSwitchedOff(id, ProfileModeration.FIELDS));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(ProfileModerationSwitchedOn event) {
        id = event.settingId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(ProfileModerationSwitchedOff event) {
        enabled = false;
    }
}
