package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.ProfileModeration;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOff;
import jp.kodoku.platform.membership.api.ProfileModerationSwitchedOn;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Reads the setting's own events from the event store, in the command's transaction, rather than the read model: a
 * change made just after the secretariat switched moderation on must already be a proposal. The setting has a handful
 * of events, so reading them all costs one indexed query; nothing is locked, so members' changes never wait on each
 * other for it.
 */
@Component
class EventStoreModeratedFields implements ModeratedFields {

    private final EventStore events;

    EventStoreModeratedFields(EventStore events) {
        this.events = events;
    }

    @Override
    public Set<String> now() {
        Set<String> fields = Set.of(); // moderation starts off
        DomainEventStream switches = events.readEvents(ProfileModeration.SETTING_ID);
        while (switches.hasNext()) {
            Object payload = switches.next().getPayload();
            if (payload instanceof ProfileModerationSwitchedOn on) {
                fields = Set.copyOf(on.fields());
            } else if (payload instanceof ProfileModerationSwitchedOff) {
                fields = Set.of();
            }
        }
        return fields;
    }
}
