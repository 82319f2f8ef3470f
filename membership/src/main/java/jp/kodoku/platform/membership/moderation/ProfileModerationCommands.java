package jp.kodoku.platform.membership.moderation;

import jp.kodoku.platform.membership.api.ProfileModeration;
import jp.kodoku.platform.membership.api.SwitchProfileModeration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Switches the one setting. It has no creating command of its own: the first switch on creates it, a switch off
 * before that changes nothing (moderation starts off).
 */
@Component
class ProfileModerationCommands {

    /** The version a setting that was never switched answers with. */
    static final long NEVER_SWITCHED = -1;

    private final Repository<ProfileModerationSetting> repository;

    ProfileModerationCommands(Repository<ProfileModerationSetting> repository) {
        this.repository = repository;
    }

    @CommandHandler
    long handle(SwitchProfileModeration command) throws Exception {
        try {
            return repository.load(ProfileModeration.SETTING_ID, command.expectedVersion())
                             .invoke(setting -> setting.switchTo(command.enabled()));
        } catch (AggregateNotFoundException e) {
            if (command.expectedVersion() != null && command.expectedVersion() != NEVER_SWITCHED) {
                throw new ConflictingAggregateVersionException(ProfileModeration.SETTING_ID,
                        command.expectedVersion(), NEVER_SWITCHED);
            }
            if (!command.enabled()) {
                return NEVER_SWITCHED;
            }
            repository.newInstance(() -> new ProfileModerationSetting(ProfileModeration.SETTING_ID));
            return 0L;
        }
    }
}
