package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.membership.api.ContactPersonalDataErased;
import jp.kodoku.platform.membership.api.ContactRemoved;
import jp.kodoku.platform.newsletter.api.AddressSuspended;
import jp.kodoku.platform.newsletter.api.SubscriberPersonalDataErased;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import jp.kodoku.platform.newsletter.api.Unsubscribed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A subscriber who leaves the list, whose address is suspended by bounces or is erased, or a member's contact
 * removed or erased, is taken out of every issue still going out: their pending rows go (a mail in flight at that moment is sent; its row is
 * locked and no longer pending when the delete gets to it). A row written after the event cannot exist, since a
 * sending reads its recipients when it starts.
 */
@Component
@ProcessingGroup(SendingStarter.GROUP)
class PendingSendsRemoval {

    private final Outbox outbox;

    PendingSendsRemoval(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    void on(Unsubscribed e) {
        remove(e.subscriptionId());
    }

    /** A bounced address gets no more of an issue going out either (it would only bounce again). */
    @EventHandler
    void on(AddressSuspended e) {
        remove(e.subscriptionId());
    }

    @EventHandler
    void on(SubscriberPersonalDataErased e) {
        remove(e.subscriptionId());
    }

    @EventHandler
    void on(ContactPersonalDataErased e) {
        remove(SubscriptionId.ofContact(e.contactId()));
    }

    @EventHandler
    void on(ContactRemoved e) {
        remove(SubscriptionId.ofContact(e.contactId()));
    }

    private void remove(SubscriptionId recipient) {
        outbox.removePending(IssueMail.KIND, "", IssueMail.rowsTo(recipient));
    }
}
