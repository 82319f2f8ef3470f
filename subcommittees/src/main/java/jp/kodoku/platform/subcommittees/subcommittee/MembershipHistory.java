package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.membership.api.MemberReinstated;
import jp.kodoku.platform.membership.api.MemberSuspended;
import jp.kodoku.platform.membership.api.MemberWithdrawn;
import jp.kodoku.platform.membership.api.MembershipApplicationApproved;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Iterator;

/**
 * {@link PlatformMembers} from the organization's own events in the event store, which membership publishes in its
 * api: approved or reinstated last means active. The event store, not a read model, so that a member approved a
 * moment ago can join at once, and one suspended a moment ago cannot (an organization has a handful of events).
 */
@Component
class MembershipHistory implements PlatformMembers {

    private final EventStore events;

    MembershipHistory(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean isActive(OrganizationId organization) {
        boolean active = false;
        Iterator<? extends DomainEventMessage<?>> history = events.readEvents(organization.value());
        while (history.hasNext()) {
            Object event = history.next().getPayload();
            if (event instanceof MembershipApplicationApproved || event instanceof MemberReinstated) {
                active = true;
            } else if (event instanceof MemberSuspended || event instanceof MemberWithdrawn) {
                active = false;
            }
        }
        return active;
    }
}
